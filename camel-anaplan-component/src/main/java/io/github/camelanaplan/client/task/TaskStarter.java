package io.github.camelanaplan.client.task;

import io.github.camelanaplan.client.error.AnaplanApiException;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.error.UnknownOutcomeException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a task exactly once. The task ids are noted before the start is sent; when its outcome is unknown
 * ({@link UnknownOutcomeException}) the task list settles it: one new task is ours, several mean someone else started
 * it too, none means the start never arrived — and then {@link Resend} says whether to send it again.
 */
public final class TaskStarter {

    private static final Logger LOG = LoggerFactory.getLogger(TaskStarter.class);

    /** Whether a start the task list does not show is sent again. */
    public enum Resend {
        /** Bulk tasks: sent again, at most four starts in all (a late first start plus a second is cancellable). */
        WHEN_NOT_LISTED(4),
        /** ALM tasks and CloudWorks runs: a late first start and a re-send would be two runs that cannot be undone. */
        NEVER(1);

        final int maxStarts;

        Resend(int maxStarts) {
            this.maxStarts = maxStarts;
        }
    }

    private final Resend resend;
    private final Duration requestTimeout;

    /** @param requestTimeout the engine's request timeout: a slow start is looked for for up to twice that */
    public TaskStarter(Resend resend, Duration requestTimeout) {
        this.resend = resend;
        this.requestTimeout = requestTimeout;
    }

    /**
     * @param step    what is started, for messages ("start export 116000000001")
     * @param taskIds reads the ids of the action's tasks (a fresh, modifiable set each call)
     * @param send    sends the start once and returns the new task's id
     * @return the id of the one task this call started
     */
    public String start(String step, Supplier<Set<String>> taskIds, Supplier<String> send) {
        Set<String> before = taskIds.get();
        int starts = 0;
        while (true) {
            starts++;
            try {
                return send.get();
            } catch (UnknownOutcomeException unknown) {
                Set<String> after = since(before, taskIds, unknown, requestTimeout);
                if (after.size() == 1) {
                    String taskId = after.iterator().next();
                    LOG.info("{}: outcome unknown ({}), but the task list shows it started as task {}", step,
                            unknown.getMessage(), taskId);
                    return taskId;
                }
                if (after.size() > 1) {
                    throw new AnaplanException(step + ": outcome unknown and " + after.size()
                                               + " new tasks appeared meanwhile (another client is running it too): "
                                               + after, unknown);
                }
                if (starts >= resend.maxStarts) {
                    throw unknown;
                }
                LOG.info("{}: outcome unknown ({}); the task list shows no new task, starting again", step,
                        unknown.getMessage());
            }
        }
    }

    /**
     * The task ids that were not in {@code before}. After a read timeout or a 504 the start may still be at work on the
     * server (nobody answered because it is slow, not because it is gone), so an empty difference is read again for up
     * to twice the request timeout before the start counts as never arrived.
     */
    static Set<String> since(Set<String> before, Supplier<Set<String>> taskIds, UnknownOutcomeException unknown,
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
