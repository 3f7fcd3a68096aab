package io.github.camelanaplan.client.cursor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The key a consumer's cursor is stored under: who reads (the route), what it reads (operation) and from where (the
 * ids of the target, in a fixed order), e.g. {@code anaplan:alm/revisions|route:promote|modelId:75A4…}. Never the
 * whole URI: options that do not change what is read (delays, credentials) must not move the cursor, and secrets
 * must not reach a store. Safe for Camel's {@code FileStateRepository}: no {@code =} and no line breaks.
 */
public final class CursorKey {

    private final String scope;
    private final String operation;
    private final Map<String, String> target;

    private CursorKey(String scope, String operation, Map<String, String> target) {
        this.scope = scope;
        this.operation = Objects.requireNonNull(operation, "operation");
        this.target = target;
    }

    /**
     * @param scope     who keeps the cursor (a route id); null when there is no route (a polling consumer of a
     *                  template): the key is then shared by all such readers of the target
     * @param operation what is read ("alm/revisions")
     */
    public static CursorKey of(String scope, String operation) {
        return new CursorKey(scope, operation, Map.of());
    }

    /** This key with one more id of the target ({@code modelId}); a null or blank value is left out. */
    public CursorKey with(String name, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(target);
        more.put(Objects.requireNonNull(name, "name"), value);
        return new CursorKey(scope, operation, more);
    }

    @Override
    public String toString() {
        StringBuilder key = new StringBuilder("anaplan:").append(escape(operation));
        if (scope != null && !scope.isBlank()) {
            key.append("|route:").append(escape(scope));
        }
        target.forEach((name, value) -> key.append('|').append(escape(name)).append(':').append(escape(value)));
        return key.toString();
    }

    /** Percent-encodes the separator, the escape itself, and what a FileStateRepository cannot hold. */
    static String escape(String part) {
        StringBuilder out = new StringBuilder(part.length());
        for (char c : part.toCharArray()) {
            if (c == '%' || c == '|' || c == '=' || c < 0x20) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CursorKey k && toString().equals(k.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
