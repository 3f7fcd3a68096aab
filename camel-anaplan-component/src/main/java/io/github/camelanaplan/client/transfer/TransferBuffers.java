package io.github.camelanaplan.client.transfer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The byte arrays one engine's transfers reuse across calls: the read blocks of downloads and the raw chunk buffers
 * of uploads (per chunk size). Without them every call allocates its buffers anew, and as they outlive a young
 * collection they die old: the collector then grows the heap, and the process's resident memory, towards its maximum
 * on every large transfer. What is kept is softly held ({@link BlockRecycler}), so an idle engine's arrays go back to
 * the heap when it needs room. Opaque outside this package.
 */
public final class TransferBuffers {

    /**
     * Free read blocks kept: 32 MiB, the blocks in use by one download of 10 MiB chunks with the default prefetch,
     * so a steady stream of downloads allocates no chunk memory at all.
     */
    static final int POOLED_READ_BLOCKS = 128;

    final BlockRecycler readBlocks = new BlockRecycler(FileDownloader.READ_BLOCK, POOLED_READ_BLOCKS);
    private final ConcurrentMap<Integer, BlockRecycler> chunkBuffers = new ConcurrentHashMap<>();

    /** Spare raw chunk buffers of {@code chunkSize} bytes: as many as one upload holds. */
    BlockRecycler chunkBuffers(int chunkSize) {
        return chunkBuffers.computeIfAbsent(chunkSize, size -> new BlockRecycler(size, UploadOptions.RAW_BUFFERS));
    }
}
