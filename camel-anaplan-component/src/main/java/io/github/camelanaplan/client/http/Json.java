package io.github.camelanaplan.client.http;

import io.github.camelanaplan.client.error.AnaplanException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * The one JSON mapper of the client: lenient on input (unknown fields and enum values never fail a call), plain on
 * output.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    private Json() {
    }

    /** Reads a JSON response body; an empty or non-JSON body is a malformed answer. */
    public static ResponseReader<JsonNode> tree() {
        return (status, contentType, body) -> parse(body);
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

    public static <T> T convert(JsonNode node, Class<T> type) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AnaplanException("Unexpected shape of " + type.getSimpleName() + " in the response: " + e.getOriginalMessage(), e);
        }
    }

    /** The array under {@code key} as typed objects; a missing key (Anaplan omits empty collections) is an empty list. */
    public static <T> List<T> list(JsonNode node, String key, Class<T> type) {
        JsonNode array = node.path(key);
        List<T> items = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode item : array) {
                items.add(convert(item, type));
            }
        } else if (array.isObject()) {
            items.add(convert(array, type));
        }
        return items;
    }

    public static ByteArrayEntity entity(Object value) {
        try {
            return new ByteArrayEntity(MAPPER.writeValueAsBytes(value), ContentType.APPLICATION_JSON);
        } catch (IOException e) {
            throw new AnaplanException("Cannot write JSON body: " + e.getMessage(), e);
        }
    }
}
