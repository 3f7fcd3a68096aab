package io.github.camelanaplan.client.http;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The time an answer read into memory has to end: a socket timeout only bounds the gap between two bytes, so a server
 * trickling one byte at a time (or never ending) would hold the reading thread for ever. When the deadline passes
 * first, the request is cancelled (its connection closed), which unblocks the read. Exactly one of "finished" and
 * "expired" wins.
 */
final class AnswerDeadline {

    private static final int OPEN = 0;
    private static final int FINISHED = 1;
    private static final int EXPIRED = 2;

    private final Cancellable request;
    private final AtomicInteger state = new AtomicInteger(OPEN);
    private volatile ScheduledFuture<?> timer;

    AnswerDeadline(Cancellable request) {
        this.request = request;
    }

    /** Starts the clock: the answer must end within {@code timeout} from now. */
    void arm(ScheduledExecutorService watchdog, Duration timeout) {
        timer = watchdog.schedule(() -> {
            if (state.compareAndSet(OPEN, EXPIRED)) {
                request.cancel();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The answer ended: true unless the deadline expired first. */
    boolean finish() {
        boolean finished = state.compareAndSet(OPEN, FINISHED) || state.get() == FINISHED;
        stopTimer();
        return finished;
    }

    boolean expired() {
        return state.get() == EXPIRED;
    }

    /** The attempt is over, however it ended. */
    void disarm() {
        state.compareAndSet(OPEN, FINISHED);
        stopTimer();
    }

    private void stopTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
    }
}
