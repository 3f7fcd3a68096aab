package io.github.camelanaplan.client.task;

import io.github.camelanaplan.client.error.AnaplanException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tasks an engine is starting or waiting for. {@link #close(Duration)} wakes every waiter at once, cancels the
 * started tasks that can be cancelled, and waits (bounded) for starts still on the wire, which cancel their task
 * themselves when they learn its id.
 */
public final class ActiveTasks {

    /** How long closing an engine waits for task starts still on the wire. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ActiveTasks.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition closing = lock.newCondition();
    private final Condition ended = lock.newCondition();
    private final Set<Entry> entries = new HashSet<>();
    private boolean closed;

    /** Registers a task about to be started or waited for. */
    public Entry register(String what) {
        lock.lock();
        try {
            if (closed) {
                throw new AnaplanException(what + ": the Anaplan client is closed");
            }
            Entry entry = new Entry(what);
            entries.add(entry);
            return entry;
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Wakes the waiters, cancels the started tasks, and waits up to {@code bound} for every entry to end.
     *
     * @return whether all ended within the bound
     */
    public boolean close(Duration bound) {
        List<Runnable> cancels = new ArrayList<>();
        lock.lock();
        try {
            closed = true;
            for (Entry entry : entries) {
                Runnable cancel = entry.claimCancel();
                if (cancel != null) {
                    cancels.add(cancel);
                }
            }
            closing.signalAll();
        } finally {
            lock.unlock();
        }
        cancels.forEach(ActiveTasks::cancelQuietly);
        lock.lock();
        try {
            long nanos = bound.toNanos();
            while (!entries.isEmpty() && nanos > 0) {
                nanos = ended.awaitNanos(nanos);
            }
            return entries.isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private static void cancelQuietly(Runnable cancel) {
        try {
            cancel.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not cancel a running task on shutdown: {}", e.getMessage());
        }
    }

    /** One task being started or waited for; close it when done (try-with-resources). */
    public final class Entry implements AutoCloseable {
        private final String what;
        private Runnable cancel;
        private boolean cancelClaimed;

        private Entry(String what) {
            this.what = what;
        }

        /** Names how to cancel the started task (null: it cannot be); cancels at once when the engine closed meanwhile. */
        public void started(Runnable taskCancel) {
            Runnable now;
            lock.lock();
            try {
                cancel = taskCancel;
                now = closed ? claimCancel() : null;
            } finally {
                lock.unlock();
            }
            if (now != null) {
                cancelQuietly(now);
            }
        }

        /** Under the lock: the cancel to run, once. */
        private Runnable claimCancel() {
            if (cancel == null || cancelClaimed) {
                return null;
            }
            cancelClaimed = true;
            return cancel;
        }

        /**
         * Waits {@code millis} or until the engine closes.
         *
         * @return false when the engine is closing (the caller stops waiting)
         */
        public boolean pause(long millis) {
            lock.lock();
            try {
                long nanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
                while (!closed && nanos > 0) {
                    nanos = closing.awaitNanos(nanos);
                }
                return !closed;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AnaplanException("Interrupted while waiting for " + what, e);
            } finally {
                lock.unlock();
            }
        }

        public boolean isShutDown() {
            lock.lock();
            try {
                return closed;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                entries.remove(this);
                ended.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
