package io.github.camelanaplan.client.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@code Retry-After} header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. The wait it asks for is
 * reported as asked, however long, so the retry policy can refuse it by name instead of silently shortening it.
 */
public final class RetryAfter {

    /** What an absurdly long ask is reported as (more digits than a long holds): still "longer than any budget". */
    static final Duration UNBOUNDED = Duration.ofSeconds(Long.MAX_VALUE);

    private RetryAfter() {
    }

    /**
     * The wait the header asks for, relative to {@code now} for a date; a date in the past is zero; null when the
     * header is absent or not one of the two forms (a negative number, a fraction, garbage).
     */
    public static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException | ArithmeticException tooLong) {
                return UNBOUNDED;
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException notDate) {
            return null;
        }
    }

    /** "86400 s", "2m 30s": the asked wait for messages. */
    static String describe(Duration wait) {
        if (wait.equals(UNBOUNDED)) {
            return "an unbounded time";
        }
        long seconds = wait.getSeconds();
        return seconds >= 1 ? seconds + " s" : wait.toMillis() + " ms";
    }
}
