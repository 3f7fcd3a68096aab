package io.github.camelanaplan.client.transfer;

/**
 * How {@link ParallelGzip} cuts a chunk into blocks, for references outside this package (the benchmark's compression
 * limit writes the same bytes the component sends, and checks it byte for byte).
 */
public final class GzipBlocks {

    /** Uncompressed bytes per block. */
    public static final int BLOCK_SIZE = ParallelGzip.BLOCK_SIZE;
    /** Bytes of the block before that prime each block. */
    public static final int DICTIONARY_SIZE = ParallelGzip.DICTIONARY_SIZE;

    private GzipBlocks() {
    }

    /** Whether a chunk of {@code length} bytes at {@code level} is compressed in blocks rather than as one stream. */
    public static boolean inBlocks(int length, int level) {
        return level != 0 && length >= 2L * BLOCK_SIZE;
    }
}
