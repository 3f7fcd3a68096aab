package io.github.camelanaplan.client.http;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Waits between retries: {@code first}, doubling per retry (up to 2^{@value #MAX_DOUBLINGS} times {@code first}),
 * each drawn between half and all of that so parallel chunks do not retry in lockstep. The random source is
 * injected: seeded, the waits are reproducible.
 */
public final class Backoff {

    /** Doublings at most: with a 1 s first wait, no single backoff exceeds about 17 minutes. */
    static final int MAX_DOUBLINGS = 10;

    private final long firstMillis;
    private final RandomGenerator random;

    public Backoff(Duration first, RandomGenerator random) {
        if (first == null || first.isNegative()) {
            throw new IllegalArgumentException("retryBackoff must not be negative, was " + first);
        }
        this.firstMillis = first.toMillis();
        this.random = random;
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration delay(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1, not " + retry);
        }
        long exponential = firstMillis * (1L << Math.min(retry - 1, MAX_DOUBLINGS));
        long half = exponential / 2;
        return Duration.ofMillis(half + random.nextLong(exponential - half + 1));
    }
}
