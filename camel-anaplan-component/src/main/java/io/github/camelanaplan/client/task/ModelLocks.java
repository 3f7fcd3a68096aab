package io.github.camelanaplan.client.task;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One engine's locks: per model (task runs of one model one at a time, as Anaplan runs them) and per model file (an
 * upload and the import reading it as one unit). Fair, so waiters go in arrival order. An entry lives while someone
 * holds or waits for it and is dropped after, so the map does not grow with every model and file ever used.
 */
public final class ModelLocks {

    private final Map<String, Counted> locks = new HashMap<>();

    /** Blocks until this thread holds the model's lock. */
    public Held model(String modelId) {
        return acquire("model " + modelId);
    }

    /** Blocks until this thread holds the lock of one file of a model. */
    public Held file(String modelId, String fileId) {
        return acquire("file " + modelId + "/" + fileId);
    }

    /** Entries held or waited for now. */
    public synchronized int size() {
        return locks.size();
    }

    private Held acquire(String key) {
        Counted counted;
        synchronized (this) {
            counted = locks.computeIfAbsent(key, k -> new Counted());
            counted.users++;
        }
        try {
            counted.lock.lock();
        } catch (RuntimeException | Error e) {
            release(key, counted);
            throw e;
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) { // a second close must not release someone else's hold
                counted.lock.unlock();
                release(key, counted);
            }
        };
    }

    private synchronized void release(String key, Counted counted) {
        if (--counted.users == 0) {
            locks.remove(key);
        }
    }

    /** A held lock; closing it (on the thread that took it) unlocks; closing again does nothing. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Counted {
        final ReentrantLock lock = new ReentrantLock(true);
        int users; // guarded by ModelLocks.this
    }
}
