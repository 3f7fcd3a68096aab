package io.github.camelanaplan.simulator;

/** A fixed-window limiter: at most N requests per minute. */
final class RateLimiter {

    private final int perMinute;
    private long windowStart = System.nanoTime();
    private int count;

    RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        if (now - windowStart >= 60_000_000_000L) {
            windowStart = now;
            count = 0;
        }
        if (count >= perMinute) {
            return false;
        }
        count++;
        return true;
    }

    synchronized long retryAfterSeconds() {
        long left = 60_000_000_000L - (System.nanoTime() - windowStart);
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }
}
