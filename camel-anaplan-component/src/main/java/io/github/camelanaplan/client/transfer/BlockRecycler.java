package io.github.camelanaplan.client.transfer;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The read blocks of one download, handed back once the reader is through a chunk and reused for the chunks fetched
 * after it. Without it every byte downloaded is a new array: a download of any size leaves its size in garbage, and
 * the collector grows the heap (and the process's resident memory) to keep up. It never holds more blocks than the
 * largest chunk given back needed (and one), so what it keeps is one chunk's worth; it never waits: an empty recycler makes a
 * new block. Thread-safe: fetching threads take, the reading thread gives.
 */
final class BlockRecycler {

    private final int blockSize;
    private final ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger freeCount = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    /** The most blocks one chunk has given back, plus the one a read takes to find a body's end. */
    private final AtomicInteger keep = new AtomicInteger(1);

    BlockRecycler(int blockSize) {
        this.blockSize = blockSize;
    }

    /** A block of {@code blockSize} bytes: a given-back one when there is one, else a new one. */
    byte[] take() {
        byte[] block = free.poll();
        if (block != null) {
            freeCount.decrementAndGet();
            return block;
        }
        created.incrementAndGet();
        return new byte[blockSize];
    }

    /** Takes back blocks no longer read, keeping at most one more than the largest chunk given back had. */
    void give(List<byte[]> blocks) {
        int limit = keep.accumulateAndGet(blocks.size() + 1, Math::max);
        for (byte[] block : blocks) {
            if (block.length == blockSize && freeCount.get() < limit) {
                freeCount.incrementAndGet();
                free.add(block);
            }
        }
    }

    /** Blocks made so far. */
    int created() {
        return created.get();
    }
}
