package io.github.camelanaplan.client.task;

import io.github.camelanaplan.client.bulk.TaskStatus;
import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.error.AnaplanException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one poll loop: bulk tasks, ALM tasks, CloudWorks runs and read requests. Waits as {@link PollSchedule} says,
 * wakes at once when the engine closes, and on {@code taskTimeout} cancels (when asked and possible) and fails.
 */
public final class TaskWaiter {

    private static final Logger LOG = LoggerFactory.getLogger(TaskWaiter.class);

    private TaskWaiter() {
    }

    /**
     * Polls until the task is done and returns its last state.
     *
     * @param entry the task's registration; it learns how to cancel the task on shutdown
     * @throws AnaplanActionException {@link AnaplanActionException.Reason#TIMED_OUT} or
     *                                {@link AnaplanActionException.Reason#SHUTDOWN}
     */
    public static <T> T await(ActiveTasks.Entry entry, PollSchedule schedule, WatchedTask<T> task) {
        entry.started(task.cancel == null ? null : () -> task.cancel.get());
        long start = System.nanoTime();
        long delay = schedule.firstWait();
        T last = null;
        while (true) {
            long left = schedule.timeLeft(elapsedMillis(start));
            if (left <= 0) {
                throw timedOut(task, schedule, last);
            }
            if (!entry.pause(Math.min(delay, left))) {
                throw shutDown(task, last);
            }
            last = task.poll.get();
            if (task.done.test(last)) {
                return last;
            }
            delay = schedule.next(delay, task.progress.apply(last), elapsedMillis(start));
        }
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static <T> AnaplanActionException timedOut(WatchedTask<T> task, PollSchedule schedule, T last) {
        TaskStatus status = last == null ? null : task.status.apply(last);
        StringBuilder message = new StringBuilder(task.what).append(" timed out after ").append(schedule.taskTimeout());
        if (task.cancel != null && task.cancelOnTimeout) {
            try {
                TaskStatus cancelled = task.cancel.get();
                status = cancelled != null ? cancelled : status;
                message.append(" and was cancelled");
            } catch (AnaplanException e) {
                LOG.warn("Could not cancel timed-out {}: {}", task.what, e.getMessage());
                message.append("; cancelling it failed: ").append(e.getMessage());
            }
        } else if (task.cancel == null && task.notCancellable != null) {
            message.append(" (").append(task.notCancellable).append(')');
        }
        return new AnaplanActionException(message.toString(), status, null, AnaplanActionException.Reason.TIMED_OUT);
    }

    private static <T> AnaplanActionException shutDown(WatchedTask<T> task, T last) {
        TaskStatus status = last == null ? null : task.status.apply(last);
        String message = task.cancel != null ? task.what + " was cancelled: the client is shutting down"
                : task.what + ": gave up waiting, the client is shutting down"
                  + (task.notCancellable == null ? "" : " (" + task.notCancellable + ")");
        return new AnaplanActionException(message, status, null, AnaplanActionException.Reason.SHUTDOWN);
    }
}
