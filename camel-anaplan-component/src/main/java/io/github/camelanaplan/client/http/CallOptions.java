package io.github.camelanaplan.client.http;

import io.github.camelanaplan.client.Defaults;
import io.github.camelanaplan.client.Limits;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The tuning of each call, as opposed to what keys a connection engine (credentials, URLs, TLS, proxy): endpoints of
 * one tenant share one engine and still each send their calls with their own options.
 *
 * @param timeout         bounds every request: connect, no answer byte for this long, and a JSON/text answer read
 *                        into memory must end within it
 * @param maxResponseSize largest JSON/text answer read into memory, in bytes (chunk downloads are streams, not limited)
 * @param retryCount      retries after the first attempt, for what is safe to retry
 * @param retryBackoff    first wait before a retry; doubles per retry, with jitter; a Retry-After header wins
 * @param maxRetryWait    the most one call waits in total across its retries, Retry-After included
 */
public record CallOptions(Duration timeout, long maxResponseSize, int retryCount, Duration retryBackoff,
                          Duration maxRetryWait) {

    private static final long MIN_MAX_RESPONSE_SIZE = Limits.MIN_MAX_RESPONSE_SIZE;
    private static final long MAX_MAX_RESPONSE_SIZE = Limits.MAX_MAX_RESPONSE_SIZE;
    private static final int MAX_RETRY_COUNT = Limits.MAX_RETRY_COUNT;

    private static final CallOptions DEFAULTS = new CallOptions(Duration.ofMillis(Defaults.TIMEOUT_MILLIS),
            Defaults.MAX_RESPONSE_SIZE_BYTES, Defaults.RETRY_COUNT, Duration.ofMillis(Defaults.RETRY_BACKOFF_MILLIS),
            Duration.ofMillis(Defaults.MAX_RETRY_WAIT_MILLIS));

    public CallOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(maxRetryWait, "maxRetryWait");
    }

    public static CallOptions defaults() {
        return DEFAULTS;
    }

    public CallOptions withTimeout(Duration value) {
        return new CallOptions(value, maxResponseSize, retryCount, retryBackoff, maxRetryWait);
    }

    public CallOptions withMaxResponseSize(long value) {
        return new CallOptions(timeout, value, retryCount, retryBackoff, maxRetryWait);
    }

    public CallOptions withRetryCount(int value) {
        return new CallOptions(timeout, maxResponseSize, value, retryBackoff, maxRetryWait);
    }

    public CallOptions withRetryBackoff(Duration value) {
        return new CallOptions(timeout, maxResponseSize, retryCount, value, maxRetryWait);
    }

    public CallOptions withMaxRetryWait(Duration value) {
        return new CallOptions(timeout, maxResponseSize, retryCount, retryBackoff, value);
    }

    /** Checks the ranges, naming the first option out of range. */
    public CallOptions validate() {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + describe(timeout));
        }
        if (maxResponseSize < MIN_MAX_RESPONSE_SIZE || maxResponseSize > MAX_MAX_RESPONSE_SIZE) {
            throw new IllegalArgumentException("maxResponseSize must be between " + describeSize(MIN_MAX_RESPONSE_SIZE)
                                               + " and " + describeSize(MAX_MAX_RESPONSE_SIZE) + ", was "
                                               + describeSize(maxResponseSize));
        }
        if (retryCount < 0 || retryCount > MAX_RETRY_COUNT) {
            throw new IllegalArgumentException("retryCount must be 0 to " + MAX_RETRY_COUNT + ", was " + retryCount);
        }
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("retryBackoff must not be negative, was " + describe(retryBackoff));
        }
        if (maxRetryWait.isNegative()) {
            throw new IllegalArgumentException("maxRetryWait must not be negative, was " + describe(maxRetryWait));
        }
        return this;
    }

    /**
     * A size as the options take it: plain bytes ({@code 1048576}) or a number with {@code KB}, {@code MB} or
     * {@code GB} (binary: 1 KB = 1024 bytes; case and a space before the unit do not matter).
     *
     * @param option named in the error when the value is not a size
     */
    public static long parseSize(String value, String option) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        String[][] units = { { "KB", "1024" }, { "MB", "1048576" }, { "GB", "1073741824" }, { "B", "1" } };
        for (String[] u : units) {
            if (v.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                v = v.substring(0, v.length() - u[0].length()).trim();
                break;
            }
        }
        if (v.isEmpty() || v.length() > 12 || !v.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(option + " must be a size in bytes, or with KB, MB or GB (e.g. 64MB), "
                                               + "was '" + value + "'");
        }
        return Long.parseLong(v) * unit;
    }

    /** "64MB", "512KB", "1000 bytes". */
    public static String describeSize(long bytes) {
        long[] units = { 1L << 30, 1L << 20, 1L << 10 };
        String[] names = { "GB", "MB", "KB" };
        for (int i = 0; i < units.length; i++) {
            if (bytes >= units[i] && bytes % units[i] == 0) {
                return bytes / units[i] + names[i];
            }
        }
        return bytes + " bytes";
    }

    /** "2m", "90s", "250ms": a duration as the options are written. */
    public static String describe(Duration d) {
        if (d.isNegative() || d.toMillis() % 1000 != 0 || d.isZero()) {
            return d.toMillis() + "ms";
        }
        long seconds = d.getSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
