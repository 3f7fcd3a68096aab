package io.github.camelanaplan.client.transfer;

import java.util.ArrayDeque;

import io.github.camelanaplan.client.error.AnaplanException;

/**
 * A fixed number of equal buffers, made on first need and then reused: whatever the size of an upload, no more
 * than {@code capacity} chunk buffers ever exist for it, and none is allocated per chunk once the pool is warm.
 * {@link #acquire()} waits while all of them are in use.
 */
final class BufferPool {

    private final int capacity;
    private final int bufferSize;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private int created;

    BufferPool(int capacity, int bufferSize) {
        if (capacity < 1) {
            throw new IllegalArgumentException("buffer pool capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.bufferSize = bufferSize;
    }

    byte[] acquire() {
        synchronized (this) {
            while (free.isEmpty() && created == capacity) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AnaplanException("Interrupted while waiting for an upload buffer", e);
                }
            }
            if (!free.isEmpty()) {
                return free.pop();
            }
            created++;
        }
        // allocate outside the lock: a large array takes a while to zero
        try {
            return new byte[bufferSize];
        } catch (OutOfMemoryError e) {
            synchronized (this) {
                created--;
                notifyAll();
            }
            throw e;
        }
    }

    synchronized void release(byte[] buffer) {
        free.push(buffer);
        notifyAll();
    }

    /** Buffers made so far: never more than the capacity. */
    synchronized int created() {
        return created;
    }

    int capacity() {
        return capacity;
    }
}
