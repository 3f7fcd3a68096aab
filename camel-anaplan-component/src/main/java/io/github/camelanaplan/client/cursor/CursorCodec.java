package io.github.camelanaplan.client.cursor;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelanaplan.client.http.Json;

/**
 * The one text form of a {@link Cursor}: a single-line JSON object
 * {@code {"v":1,"position":1733312345000,"seen":{"<id>":1733312345000},"hash":"<sha-256 hex>"}} (absent parts left
 * out). Reading also takes the forms stored before that format existed, so an upgrade continues where it stopped:
 * <ul>
 * <li>{@code <millis>|<id>,<id>} or {@code none|} — the revision consumer's (position and the ids seen at it);</li>
 * <li>{@code {"readUntil":<millis>,"seen":{"<id>":<millis>}}} — the audit consumer's;</li>
 * <li>64 hex digits — the export consumer's SHA-256.</li>
 * </ul>
 * A value moved to another key reads as no cursor (see {@link #movedTo(String)}). Anything else is refused with an
 * {@link IllegalArgumentException}: guessing would either emit everything again or skip what was never emitted.
 */
public final class CursorCodec {

    /** The format written. */
    public static final int VERSION = 1;

    private static final Pattern LEGACY_REVISION = Pattern.compile("(none|-?\\d+)\\|.*", Pattern.DOTALL);
    private static final Pattern LEGACY_HASH = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String MOVED_TO = "movedTo";

    private CursorCodec() {
    }

    public static String encode(Cursor cursor) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("v", VERSION);
        cursor.position().ifPresent(p -> node.put("position", p));
        if (!cursor.seen().isEmpty()) {
            ObjectNode seen = node.putObject("seen");
            cursor.seen().forEach(seen::put);
        }
        cursor.hash().ifPresent(h -> node.put("hash", h));
        return node.toString();
    }

    /**
     * Marks a value as taken over by {@code newKey}: read again, it is no cursor (a second reader of the old key
     * starts afresh instead of repeating what the first one emits from now on).
     */
    public static String movedTo(String newKey) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("v", VERSION);
        node.put(MOVED_TO, newKey);
        return node.toString();
    }

    /**
     * The cursor a stored value holds; empty for no value (null or blank) and for a value marked moved.
     *
     * @throws IllegalArgumentException when the value is neither this format nor one of the old ones
     */
    public static Optional<Cursor> decode(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.startsWith("{")) {
            return json(value);
        }
        if (LEGACY_HASH.matcher(value).matches()) {
            return Optional.of(Cursor.empty().withHash(value.toLowerCase(java.util.Locale.ROOT)));
        }
        if (LEGACY_REVISION.matcher(value).matches()) {
            return Optional.of(legacyRevision(value));
        }
        throw unreadable(value, "not a cursor");
    }

    private static Optional<Cursor> json(String value) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            throw unreadable(value, "not JSON (" + e.getOriginalMessage() + ")");
        }
        if (!node.isObject()) {
            throw unreadable(value, "not a JSON object");
        }
        JsonNode version = node.get("v");
        if (version == null) {
            if (node.has("readUntil")) {
                return Optional.of(Cursor.of(number(node, "readUntil", value), seen(node, value), null));
            }
            throw unreadable(value, "no \"v\"");
        }
        if (!version.isIntegralNumber() || version.asInt() != VERSION) {
            throw unreadable(value, "version " + version + " is not " + VERSION
                                    + " (written by a newer camel-anaplan?)");
        }
        if (node.has(MOVED_TO)) {
            return Optional.empty();
        }
        Long position = node.has("position") ? number(node, "position", value) : null;
        JsonNode hash = node.get("hash");
        if (hash != null && !hash.isTextual()) {
            throw unreadable(value, "\"hash\" is not a string");
        }
        return Optional.of(Cursor.of(position, seen(node, value), hash == null ? null : hash.asText()));
    }

    private static long number(JsonNode node, String field, String value) {
        JsonNode n = node.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw unreadable(value, "\"" + field + "\" is not a whole number");
        }
        return n.asLong();
    }

    private static Map<String, Long> seen(JsonNode node, String value) {
        Map<String, Long> seen = new LinkedHashMap<>();
        JsonNode ids = node.get("seen");
        if (ids == null) {
            return seen;
        }
        if (!ids.isObject()) {
            throw unreadable(value, "\"seen\" is not an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = ids.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToLong()) {
                throw unreadable(value, "\"seen\"." + e.getKey() + " is not a whole number");
            }
            seen.put(e.getKey(), e.getValue().asLong());
        }
        return seen;
    }

    /**
     * {@code <millis>|<id>,<id>}: the position and the ids seen exactly at it. {@code none} stood for "no date": with
     * ids, revisions without a readable date were emitted (position {@link Long#MIN_VALUE}); without, nothing yet.
     */
    private static Cursor legacyRevision(String value) {
        int bar = value.indexOf('|');
        String time = value.substring(0, bar);
        Map<String, Long> seen = new LinkedHashMap<>();
        String[] ids = Arrays.stream(value.substring(bar + 1).split(",")).filter(id -> !id.isEmpty())
                .toArray(String[]::new);
        Long position = null;
        if (!"none".equals(time)) {
            try {
                position = Long.valueOf(time);
            } catch (NumberFormatException e) {
                throw unreadable(value, "the time is not a whole number");
            }
        } else if (ids.length > 0) {
            position = Long.MIN_VALUE;
        }
        for (String id : ids) {
            seen.put(id, position);
        }
        return Cursor.of(position, seen, null);
    }

    private static IllegalArgumentException unreadable(String value, String why) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return new IllegalArgumentException("Unreadable consumer cursor: " + why + ": " + shown);
    }
}
