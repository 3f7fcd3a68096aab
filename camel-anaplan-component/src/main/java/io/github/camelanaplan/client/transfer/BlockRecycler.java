package io.github.camelanaplan.client.transfer;

import java.lang.ref.SoftReference;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Read blocks handed back once a reader is through a chunk, reused for the chunks fetched after it, by the same
 * download or the next one of the engine. Without it every byte downloaded is a new array: the blocks of the chunks
 * in flight outlive a young collection, are promoted, and die old, so the collector grows the heap (and the process's
 * resident memory) towards its maximum on every large download. It keeps at most {@code maxFree} blocks, softly
 * reachable: an idle engine's blocks go back to the heap when it needs room. It never waits: with none free it makes a
 * new block. Thread-safe: fetching threads take, reading threads give.
 */
final class BlockRecycler {

    private final int blockSize;
    private final int maxFree;
    private final ConcurrentLinkedQueue<SoftReference<byte[]>> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger freeCount = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();

    BlockRecycler(int blockSize, int maxFree) {
        this.blockSize = blockSize;
        this.maxFree = maxFree;
    }

    /** A block of {@code blockSize} bytes: a given-back one when there is one still held, else a new one. */
    byte[] take() {
        SoftReference<byte[]> kept;
        while ((kept = free.poll()) != null) {
            freeCount.decrementAndGet();
            byte[] block = kept.get();
            if (block != null) {
                return block;
            }
        }
        created.incrementAndGet();
        return new byte[blockSize];
    }

    /** Takes back blocks no longer read, as long as fewer than {@code maxFree} are free. */
    void give(List<byte[]> blocks) {
        for (byte[] block : blocks) {
            if (block.length == blockSize && freeCount.incrementAndGet() <= maxFree) {
                free.add(new SoftReference<>(block));
            } else if (block.length == blockSize) {
                freeCount.decrementAndGet();
            }
        }
    }

    /** Blocks made so far. */
    int created() {
        return created.get();
    }
}
