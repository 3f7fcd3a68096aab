package io.github.camelanaplan.client.task;

import io.github.camelanaplan.client.error.AnaplanApiException;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.error.UnknownOutcomeException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Settles a task start whose answer was lost by reading the task list: the tasks that appeared since the start was
 * sent. Shared by bulk and ALM task starts.
 */
public final class StartedTasks {

    private StartedTasks() {
    }

    /**
     * The task ids in {@code taskIds} that were not in {@code before}. After a read timeout or a 504 the start may still
     * be at work on the server (nobody answered because it is slow, not because it is gone), so an empty difference is
     * read again for up to twice the request timeout before the start counts as never arrived.
     */
    public static Set<String> since(Set<String> before, Supplier<Set<String>> taskIds, UnknownOutcomeException unknown,
                                    Duration timeout) {
        long timeoutMillis = timeout.toMillis();
        long settleNanos = mayStillArrive(unknown) ? TimeUnit.MILLISECONDS.toNanos(2 * timeoutMillis) : 0;
        long deadline = System.nanoTime() + settleNanos;
        while (true) {
            Set<String> after = taskIds.get();
            after.removeAll(before);
            if (!after.isEmpty() || System.nanoTime() >= deadline) {
                return after;
            }
            try {
                Thread.sleep(Math.max(50, Math.min(1_000, timeoutMillis / 4)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AnaplanException("Interrupted while looking for a task whose start had no answer", e);
            }
        }
    }

    private static boolean mayStillArrive(Throwable unknown) {
        for (Throwable e = unknown; e != null; e = e.getCause()) {
            if (e instanceof InterruptedIOException
                || e instanceof AnaplanApiException && ((AnaplanApiException) e).getHttpStatus() == 504) {
                return true;
            }
        }
        return false;
    }
}
