package io.github.camelanaplan.client.task;

import java.time.Duration;

/**
 * When to poll a task: the first wait, then waits that grow by {@code growth} from one poll to the next, or, while the
 * task reports progress, a wait timed for when that progress says it will be done; every later wait lies within
 * [{@code minDelay}, {@code maxDelay}] (the ceiling wins: it is the user's bound). {@code taskTimeout} (null: none)
 * bounds the whole wait. Pure: no clock, no sleeping.
 */
public record PollSchedule(Duration firstDelay, double growth, Duration maxDelay, Duration minDelay,
                           Duration taskTimeout) {

    /** No wait is shorter: a zero statusPollDelay must not spin. */
    public static final long FLOOR_MILLIS = 20;
    /**
     * Later polls of a bulk task are at least this far apart: a progress estimate near the end can be a few
     * milliseconds, and each poll is a request against a busy model.
     */
    public static final Duration BULK_MIN_DELAY = Duration.ofMillis(200);
    /** Polls without progress estimates (ALM, CloudWorks, read requests) only grow, so the floor is all they need. */
    public static final Duration MIN_DELAY = Duration.ofMillis(FLOOR_MILLIS);
    public static final double GROWTH = 1.5;
    /** Added to a progress estimate so the poll lands just after the expected end, not just before it. */
    public static final long PROGRESS_MARGIN_MILLIS = 50;

    public PollSchedule {
        if (growth < 1.0) {
            throw new IllegalArgumentException("growth must be at least 1, was " + growth);
        }
        if (maxDelay.compareTo(firstDelay) < 0) {
            maxDelay = firstDelay;
        }
    }

    /** Bulk tasks: progress-timed polls, at least {@link #BULK_MIN_DELAY} apart after the first. */
    public static PollSchedule forBulkTasks(TaskOptions options) {
        return new PollSchedule(options.pollDelay(), GROWTH, options.maxPollDelay(), BULK_MIN_DELAY, options.taskTimeout());
    }

    /** ALM tasks, CloudWorks runs, read requests. */
    public static PollSchedule of(TaskOptions options) {
        return new PollSchedule(options.pollDelay(), GROWTH, options.maxPollDelay(), MIN_DELAY, options.taskTimeout());
    }

    /** The wait before the first poll. */
    public long firstWait() {
        return Math.min(maxDelay.toMillis(), Math.max(FLOOR_MILLIS, firstDelay.toMillis()));
    }

    /**
     * The wait before the next poll.
     *
     * @param delay         the previous wait
     * @param progress      the progress the last poll reported (0..1), null when none
     * @param elapsedMillis time since waiting began
     */
    public long next(long delay, Double progress, long elapsedMillis) {
        if (progress != null && progress > 0.0 && progress < 1.0) {
            long remaining = (long) (elapsedMillis * (1.0 - progress) / progress);
            return clamp(remaining + PROGRESS_MARGIN_MILLIS);
        }
        return clamp((long) (delay * growth));
    }

    /** Milliseconds left before the timeout ({@link Long#MAX_VALUE} without one); zero or less: timed out. */
    public long timeLeft(long elapsedMillis) {
        return taskTimeout == null ? Long.MAX_VALUE : taskTimeout.toMillis() - elapsedMillis;
    }

    private long clamp(long millis) {
        long floor = Math.max(FLOOR_MILLIS, minDelay.toMillis());
        return Math.min(maxDelay.toMillis(), Math.max(floor, millis));
    }
}
