package io.github.camelanaplan.client.auth;

/**
 * An Anaplan auth token. {@link #toString()} never shows the value.
 *
 * @param value           the token, sent as {@code AnaplanAuthToken <value>}
 * @param expiresAtMillis epoch millis when Anaplan stops accepting it
 * @param obtainedAtMillis epoch millis when it was issued or last refreshed
 */
public record Token(String value, long expiresAtMillis, long obtainedAtMillis) {

    /** When to renew: a fifth of its life before expiry, at most five minutes before. */
    public long renewAtMillis() {
        long life = Math.max(0, expiresAtMillis - obtainedAtMillis);
        long margin = Math.min(5 * 60_000L, life / 5);
        return expiresAtMillis - margin;
    }

    @Override
    public String toString() {
        return "Token[expiresAt=" + expiresAtMillis + "]";
    }
}
