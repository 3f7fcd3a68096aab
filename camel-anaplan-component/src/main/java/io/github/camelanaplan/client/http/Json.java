package io.github.camelanaplan.client.http;

import io.github.camelanaplan.client.error.AnaplanException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * The one JSON mapper of the client. On input it tolerates what the API adds over time (unknown fields, unknown enum
 * values) but not a known field of the wrong type: a string where a number or boolean is promised, a number where an
 * enum is, a fraction where a count is, a number, boolean, object or array where a string is, a single value where
 * a list is, a null inside a list. Ids are strings in Anaplan's answers (anaplan-api §2.5: only a client sends some
 * as numbers), so a number where text is promised is a lie that reading it as its digits would hide (a name turned
 * into its length). Typed reads go through {@link JsonAnswer}, which names the request and the field when an answer
 * breaks these rules.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            // "5" for a number, "true" for a boolean, "" for a number: a wrong type, not a value
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .withCoercionConfig(LogicalType.Textual, text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withConfigOverride(List.class, list -> list.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
            .build();

    private Json() {
    }

    /** Reads a JSON response body as an answer to {@code request}; an empty or non-JSON body is a malformed answer. */
    public static ResponseReader<JsonAnswer> answer(ApiRequest request) {
        return (status, contentType, body) -> new JsonAnswer(request, status, parse(body));
    }

    /** Like {@link #answer}, but an empty body (some PUTs answer 204 or nothing) reads as an empty object. */
    public static ResponseReader<JsonAnswer> answerOrEmpty(ApiRequest request) {
        return (status, contentType, body) -> {
            byte[] bytes = body.readAllBytes();
            JsonNode node = bytes.length == 0 ? MAPPER.createObjectNode() : parse(new ByteArrayInputStream(bytes));
            return new JsonAnswer(request, status, node);
        };
    }

    /** Reads nothing of the body (204, empty 200...). */
    public static ResponseReader<Boolean> discard() {
        return (status, contentType, body) -> {
            body.transferTo(java.io.OutputStream.nullOutputStream());
            return Boolean.TRUE;
        };
    }

    public static JsonNode parse(InputStream body) throws IOException {
        JsonNode node = MAPPER.readTree(body);
        if (node == null || node.isMissingNode() || !node.isContainerNode()) {
            throw new IOException("expected a JSON object, got " + (node == null ? "an empty body" : node.getNodeType()));
        }
        return node;
    }

    public static ByteArrayEntity entity(Object value) {
        try {
            return new ByteArrayEntity(MAPPER.writeValueAsBytes(value), ContentType.APPLICATION_JSON);
        } catch (IOException e) {
            throw new AnaplanException("Cannot write JSON body: " + e.getMessage(), e);
        }
    }
}
