package io.github.camelanaplan.client.transfer;

import java.util.ArrayDeque;

import io.github.camelanaplan.client.error.AnaplanException;

/**
 * A fixed number of equal buffers, made on first need and then reused: whatever the size of an upload, no more
 * than {@code capacity} chunk buffers ever exist for it, and none is allocated per chunk once the pool is warm.
 * {@link #acquire()} waits while all of them are in use. With {@code spares} (the engine's), buffers are taken from
 * there rather than made, and the free ones go back there on {@link #close()}, so the next upload makes none either.
 */
final class BufferPool {

    private final int capacity;
    private final int bufferSize;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private final BlockRecycler spares;
    private int created;

    BufferPool(int capacity, int bufferSize) {
        this(capacity, bufferSize, null);
    }

    BufferPool(int capacity, int bufferSize, BlockRecycler spares) {
        if (capacity < 1) {
            throw new IllegalArgumentException("buffer pool capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.bufferSize = bufferSize;
        this.spares = spares;
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
            return spares != null ? spares.take() : new byte[bufferSize];
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

    /** Hands the free buffers to the spares (when there are any); buffers released later are simply dropped. */
    void close() {
        java.util.List<byte[]> left;
        synchronized (this) {
            left = new java.util.ArrayList<>(free);
            free.clear();
        }
        if (spares != null) {
            spares.give(left);
        }
    }

    /** Buffers taken so far: never more than the capacity. */
    synchronized int created() {
        return created;
    }

    int capacity() {
        return capacity;
    }
}
