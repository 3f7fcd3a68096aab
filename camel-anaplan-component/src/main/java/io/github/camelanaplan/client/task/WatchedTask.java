package io.github.camelanaplan.client.task;

import io.github.camelanaplan.client.bulk.TaskStatus;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What {@link TaskWaiter} waits for: how to read its state, when it is done, the progress it reports, how a state reads
 * as a {@link TaskStatus} for exceptions, and how to cancel it (or why it cannot be).
 */
public final class WatchedTask<T> {

    final String what;
    final Supplier<T> poll;
    final Predicate<T> done;
    Function<T, Double> progress = state -> null;
    Function<T, TaskStatus> status = state -> null;
    Supplier<TaskStatus> cancel;
    boolean cancelOnTimeout;
    String notCancellable;

    private WatchedTask(String what, Supplier<T> poll, Predicate<T> done) {
        this.what = what;
        this.poll = poll;
        this.done = done;
    }

    /** @param what names the task in messages ("export 116000000001 task 3F2A…") */
    public static <T> WatchedTask<T> of(String what, Supplier<T> poll, Predicate<T> done) {
        return new WatchedTask<>(what, poll, done);
    }

    /** The progress (0..1) a state reports, null when none: times the next poll. */
    public WatchedTask<T> progress(Function<T, Double> reported) {
        this.progress = reported;
        return this;
    }

    /** How a state reads as a TaskStatus (for the exception of a timeout or shutdown). */
    public WatchedTask<T> reportedAs(Function<T, TaskStatus> asStatus) {
        this.status = asStatus;
        return this;
    }

    /**
     * Cancels the task on the engine's close, and on a timeout when {@code onTimeout}; the cancel may answer the
     * task's status (or null).
     */
    public WatchedTask<T> cancelledBy(Supplier<TaskStatus> taskCancel, boolean onTimeout) {
        this.cancel = taskCancel;
        this.cancelOnTimeout = onTimeout;
        return this;
    }

    /** The task cannot be cancelled; {@code why} (may be null) goes into timeout and shutdown messages. */
    public WatchedTask<T> notCancellable(String why) {
        this.cancel = null;
        this.notCancellable = why;
        return this;
    }
}
