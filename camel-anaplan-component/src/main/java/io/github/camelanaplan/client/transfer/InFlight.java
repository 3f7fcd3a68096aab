package io.github.camelanaplan.client.transfer;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * The chunks of one upload that are being sent: at most {@code limit} at once, the first failure among them, and
 * the threads sending them so a failure can stop the others. Sending threads are interrupted only while they work on
 * this upload, and their interrupt flag is cleared before they go back to the executor, so no interrupt leaks into
 * unrelated work on a shared pool.
 */
final class InFlight {

    /** The first failure of an upload: which chunk (-1 when reading the content failed) and why. */
    record Failure(int chunkIndex, Throwable cause) {
    }

    private final int limit;
    private final Semaphore permits;
    private final Set<Thread> sending = new HashSet<>();
    private final Set<Thread> interrupted = new HashSet<>();
    private volatile Failure failure;

    InFlight(int limit) {
        this.limit = limit;
        this.permits = new Semaphore(limit);
    }

    /** Waits for room for one more chunk. */
    void reserve() throws InterruptedException {
        permits.acquire();
    }

    /** Gives back a reservation whose chunk was never handed to a sender. */
    void unreserve() {
        permits.release();
    }

    /** Called by the sending thread before it sends; false when the upload already failed (send nothing then). */
    synchronized boolean start() {
        if (failure != null) {
            return false;
        }
        sending.add(Thread.currentThread());
        return true;
    }

    /** Called by the sending thread when done with its chunk, sent or not. */
    void finish() {
        Thread self = Thread.currentThread();
        synchronized (this) {
            sending.remove(self);
            if (interrupted.remove(self)) {
                // our own interrupt, possibly not consumed: do not hand it to the executor's next task
                Thread.interrupted();
            }
        }
        permits.release();
    }

    /** Records the first failure and stops the chunks still being sent; later failures are consequences, ignored. */
    synchronized void fail(int chunkIndex, Throwable cause) {
        if (failure != null) {
            return;
        }
        failure = new Failure(chunkIndex, cause);
        Thread self = Thread.currentThread();
        for (Thread thread : sending) {
            if (thread != self) {
                interrupted.add(thread);
                thread.interrupt();
            }
        }
    }

    Failure failure() {
        return failure;
    }

    /** Waits until no chunk is being sent any more, so buffers and compressors can be freed safely. */
    void awaitIdle() {
        boolean wasInterrupted = false;
        while (true) {
            try {
                permits.acquire(limit);
                break;
            } catch (InterruptedException e) {
                // the senders hold pooled buffers: leaving before they finish would free memory under them
                wasInterrupted = true;
            }
        }
        permits.release(limit);
        if (wasInterrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
