package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;

/** JSON helpers: one mapper, Anaplan envelopes and error bodies. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static byte[] bytes(Object node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** Parses a JSON object body or throws 400. */
    static ObjectNode parseObject(byte[] body, String what) {
        JsonNode n = body.length == 0 ? null : parse(body);
        if (n == null || !n.isObject()) {
            throw ApiException.badRequest("Invalid JSON body" + (what == null ? "" : " for " + what));
        }
        return (ObjectNode) n;
    }

    /** {@code {"meta":{"schema":...},"status":{"code":..,"message":..}}}. */
    static ObjectNode envelope(String schema, int code, String message) {
        ObjectNode root = object();
        root.putObject("meta").put("schema", schema);
        ObjectNode status = root.putObject("status");
        status.put("code", code);
        status.put("message", message);
        return root;
    }

    static ObjectNode success(String schema) {
        return envelope(schema, 200, "Success");
    }

    /** The Integration API error body of §2.4. */
    static ObjectNode error(int code, String message, String path) {
        ObjectNode root = object();
        ObjectNode status = root.putObject("status");
        status.put("code", code);
        status.put("message", message);
        root.put("path", path);
        root.put("timestamp", Instant.now().toString());
        return root;
    }

    static String reason(int code) {
        switch (code) {
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 406: return "Not Acceptable";
            case 409: return "Conflict";
            case 413: return "Payload Too Large";
            case 415: return "Unsupported Media Type";
            case 422: return "Unprocessable Entity";
            case 423: return "Locked";
            case 424: return "Failed Dependency";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return "Error";
        }
    }

    /** Puts a collection under {@code key}, or nothing when it is empty and omission is on. */
    static void putList(ObjectNode node, String key, Collection<? extends JsonNode> items, boolean omitEmpty) {
        if (items.isEmpty() && omitEmpty) {
            return;
        }
        ArrayNode arr = node.putArray(key);
        items.forEach(arr::add);
    }
}
