package io.github.camelanaplan.client.http;

import io.github.camelanaplan.client.error.AnaplanException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A token bucket: at most {@code perMinute} requests a minute on average, bursts of up to a tenth of that. Shared by
 * every thread of one client, so concurrent routes together stay under the tenant's limit.
 */
final class RateLimiter {

    private final long intervalNanos;
    private final long burstNanos;
    private long nextFreeNanos;

    RateLimiter(int perMinute) {
        this.intervalNanos = perMinute <= 0 ? 0 : TimeUnit.MINUTES.toNanos(1) / perMinute;
        this.burstNanos = intervalNanos * Math.max(1, perMinute / 10);
        this.nextFreeNanos = System.nanoTime() - burstNanos;
    }

    /** Waits until a request may be sent. */
    void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            if (nextFreeNanos < now - burstNanos) {
                nextFreeNanos = now - burstNanos;
            }
            wait = nextFreeNanos - now;
            nextFreeNanos += intervalNanos;
        }
        while (wait > 0) {
            long start = System.nanoTime();
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AnaplanException("Interrupted while waiting for the request rate limit");
            }
            wait -= System.nanoTime() - start;
        }
    }
}
