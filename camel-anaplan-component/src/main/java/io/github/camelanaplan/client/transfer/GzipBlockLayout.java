package io.github.camelanaplan.client.transfer;

/**
 * How a chunk's gzip member is laid out: which chunks are deflated as blocks, how big a block is and how much of the
 * block before primes it. Public because the bytes a chunk goes out as are part of what the benchmark checks: its
 * reference compressor writes the same layout and compares the uploaded bytes with its own.
 */
public final class GzipBlockLayout {

    /** Uncompressed bytes per block: the unit of work handed to a thread. */
    public static final int BLOCK_SIZE = 1 << 20;
    /** What deflate can refer back to: a block is primed with this many bytes of the one before. */
    public static final int DICTIONARY_SIZE = 32 * 1024;

    private GzipBlockLayout() {
    }

    /**
     * Whether {@code length} bytes at {@code level} are deflated in blocks; shorter content (and level 0) is one
     * deflate stream, as {@code GZIPOutputStream} would write it.
     */
    public static boolean inBlocks(long length, int level) {
        return level != 0 && length >= 2L * BLOCK_SIZE;
    }
}
