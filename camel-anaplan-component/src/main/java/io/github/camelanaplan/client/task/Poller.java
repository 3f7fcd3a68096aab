package io.github.camelanaplan.client.task;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.error.AnaplanException;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls something until it is done: the first wait is {@code pollDelay}, later ones grow by half up to
 * {@code maxPollDelay}; gives up after {@code timeout} (null waits for ever) and as soon as the client closes. Used
 * for work that is not a bulk task (ALM tasks, CloudWorks runs, read requests); bulk tasks use the bulk package's TaskRunner.
 */
public final class Poller {

    private static final long MIN_POLL_MILLIS = 20;

    private final AnaplanClient client;
    private final long firstDelay;
    private final long maxDelay;
    private final Duration timeout;

    public Poller(AnaplanClient client, Duration pollDelay, Duration maxPollDelay, Duration timeout) {
        this.client = client;
        this.firstDelay = Math.max(MIN_POLL_MILLIS, pollDelay.toMillis());
        this.maxDelay = Math.max(firstDelay, maxPollDelay.toMillis());
        this.timeout = timeout;
    }

    public static Poller of(AnaplanClient client, TaskOptions options) {
        return new Poller(client, options.pollDelay(), options.maxPollDelay(), options.taskTimeout());
    }

    /**
     * Reads the state with {@code check} after each wait until {@code done} accepts it, and returns that state.
     *
     * @throws PollTimeoutException when the timeout passes first; carries the last state read
     */
    public <T> T until(String what, Supplier<T> check, Predicate<T> done) {
        long start = System.nanoTime();
        long delay = firstDelay;
        T last = null;
        while (true) {
            long wait = delay;
            if (timeout != null) {
                long left = timeout.toMillis() - (System.nanoTime() - start) / 1_000_000;
                if (left <= 0) {
                    throw new PollTimeoutException(what + " did not finish within " + timeout, last);
                }
                wait = Math.min(wait, left);
            }
            sleep(what, wait);
            if (client.isClosed()) {
                throw new AnaplanException(what + ": gave up waiting, the Anaplan client is closed");
            }
            last = check.get();
            if (done.test(last)) {
                return last;
            }
            delay = Math.min(maxDelay, delay * 3 / 2);
        }
    }

    private static void sleep(String what, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnaplanException("Interrupted while waiting for " + what, e);
        }
    }

    /** The wait timed out; {@link #lastState()} is what was read last (may be null). */
    public static final class PollTimeoutException extends AnaplanException {
        private static final long serialVersionUID = 1L;
        private final transient Object lastState;

        PollTimeoutException(String message, Object lastState) {
            super(message);
            this.lastState = lastState;
        }

        public Object lastState() {
            return lastState;
        }
    }
}
