package io.github.camelanaplan.client.http;

import io.github.camelanaplan.client.error.AnaplanProtocolException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON answer together with the request it answers, so that every typed read of it that finds a known field of the
 * wrong type, or a collection that is not an array of objects, fails with an {@link AnaplanProtocolException} naming
 * the request and the field ({@code task.result.details[0].occurrences}). Fields are named by dotted paths from the
 * top of the answer; a missing or null field reads as absent (Anaplan omits empty collections and unset values).
 */
public final class JsonAnswer {

    private final ApiRequest request;
    private final int status;
    private final JsonNode root;

    public JsonAnswer(ApiRequest request, int status, JsonNode root) {
        this.request = request;
        this.status = status;
        this.root = root;
    }

    public ApiRequest request() {
        return request;
    }

    public int status() {
        return status;
    }

    /** The whole answer, untyped. */
    public JsonNode root() {
        return root;
    }

    /** The node at a dotted path ({@code ""} for the whole answer), or a missing node. */
    public JsonNode node(String field) {
        JsonNode node = root;
        if (field.isEmpty()) {
            return node;
        }
        String walked = "";
        for (String part : field.split("\\.")) {
            if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
                throw violation(walked, "is " + describe(node) + ", not an object");
            }
            walked = walked.isEmpty() ? part : walked + "." + part;
            node = node.path(part);
        }
        return node;
    }

    /** The value at {@code field} as {@code type}, or null when the field is missing or null. */
    public <T> T read(String field, Class<T> type) {
        return convert(node(field), field, type);
    }

    /** Whether the answer has a non-null value at {@code field}. */
    public boolean has(String field) {
        JsonNode node = node(field);
        return !node.isMissingNode() && !node.isNull();
    }

    /** A scalar at {@code field} as text (a number reads as its digits), or null when missing or null. */
    public String text(String field) {
        JsonNode node = node(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw violation(field, "is " + describe(node) + ", not a string");
        }
        return node.asText();
    }

    /**
     * The collection at {@code key} (a top-level field or dotted path) as typed objects. Missing or null is an empty
     * list (Anaplan omits empty collections); anything but an array of objects is a protocol violation.
     */
    public <T> List<T> list(String key, Class<T> type) {
        List<JsonNode> items = objects(key);
        List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(convert(items.get(i), key + "[" + i + "]", type));
        }
        return out;
    }

    /** The collection at {@code key} as JSON objects, checked as {@link #list} checks it. */
    public List<JsonNode> objects(String key) {
        JsonNode array = node(key);
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw violation(key, "is " + describe(array) + ", not an array");
        }
        List<JsonNode> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isObject()) {
                throw violation(key + "[" + i + "]", "is " + describe(item) + ", not an object");
            }
            out.add(item);
        }
        return out;
    }

    /** Converts a node found at {@code field} of this answer; the field names the place in messages. */
    public <T> T convert(JsonNode node, String field, Class<T> type) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String inner = path(e);
            String where = field.isEmpty() ? (inner.isEmpty() ? "(the answer)" : inner.substring(inner.startsWith(".") ? 1 : 0))
                    : field + inner;
            throw violation(where, "cannot be read as the API promises: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw violation(field, "cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** An exception for a field of this answer that breaks the API's promises. */
    public AnaplanProtocolException violation(String field, String problem) {
        return violation(field, problem, null);
    }

    public AnaplanProtocolException violation(String field, String problem, Throwable cause) {
        return new AnaplanProtocolException(request.step(), request.method(), request.path(), status, field, problem,
                cause);
    }

    /** The dotted path Jackson reports ({@code .result.details[0].occurrences}). */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** "a string", "an array"...: the JSON type of a node, never its value (it may hold anything). */
    static String describe(JsonNode node) {
        switch (node.getNodeType()) {
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            case STRING:
                return "a string";
            case NUMBER:
                return "a number";
            case BOOLEAN:
                return "a boolean";
            case NULL:
                return "null";
            default:
                return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
