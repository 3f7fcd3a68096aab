package io.github.camelanaplan.client.transfer;

import java.io.IOException;
import java.util.Arrays;

/**
 * Computes the chunk boundaries of known-length content up front, so the exact chunk count can be declared.
 * Only a window before each tentative boundary is read, going further back only while no line feed is found.
 */
final class ChunkPlanner {

    static final int WINDOW = 64 * 1024;

    /** Positional read of the content; returns bytes read (fewer than asked only at the end). */
    @FunctionalInterface
    interface Positional {
        int readAt(long position, byte[] target, int offset, int length) throws IOException;
    }

    private ChunkPlanner() {
    }

    /**
     * @return boundaries {@code b[0]=0 < b[1] < ... < b[n]=length}: chunk i is {@code [b[i], b[i+1])}; empty
     *         content gives {@code {0, 0}}, one empty chunk
     * @throws IllegalArgumentException when the content needs more than {@link ChunkCutter#MAX_CHUNKS} chunks
     */
    static long[] plan(Positional content, long length, int chunkSize) throws IOException {
        if (length > (long) chunkSize * ChunkCutter.MAX_CHUNKS) {
            // even perfectly full chunks would not do: refuse without reading anything
            throw new IllegalArgumentException(ChunkCutter.tooManyChunks("the upload body of " + length + " bytes needs",
                    chunkSize));
        }
        long[] bounds = new long[ChunkCutter.MAX_CHUNKS + 1];
        int count = 0;
        long start = 0;
        byte[] window = new byte[Math.min(WINDOW, chunkSize)];
        while (length - start > chunkSize) {
            long end = start + cutLength(content, start, chunkSize, window);
            count++;
            if (count == ChunkCutter.MAX_CHUNKS) {
                throw new IllegalArgumentException(ChunkCutter.tooManyChunks("the upload body of " + length
                                                                             + " bytes, cut at row ends, needs", chunkSize));
            }
            bounds[count] = end;
            start = end;
        }
        count++;
        bounds[count] = length;
        return Arrays.copyOf(bounds, count + 1);
    }

    /** Bytes of a full chunk starting at {@code start}: up to its last line feed, or all of it when it has none. */
    private static int cutLength(Positional content, long start, int chunkSize, byte[] window) throws IOException {
        int searched = 0;
        while (searched < chunkSize) {
            int size = Math.min(window.length, chunkSize - searched);
            long windowStart = start + chunkSize - searched - size;
            readFully(content, windowStart, window, size);
            int lineFeed = lastLineFeed(window, 0, size);
            if (lineFeed >= 0) {
                return (int) (windowStart - start) + lineFeed + 1;
            }
            searched += size;
        }
        return chunkSize;
    }

    static int lastLineFeed(byte[] bytes, int offset, int length) {
        for (int i = offset + length - 1; i >= offset; i--) {
            if (bytes[i] == '\n') {
                return i - offset;
            }
        }
        return -1;
    }

    private static void readFully(Positional content, long position, byte[] target, int size) throws IOException {
        int done = 0;
        while (done < size) {
            int n = content.readAt(position + done, target, done, size - done);
            if (n <= 0) {
                throw new IOException("content ended at " + (position + done) + " bytes, before its announced length");
            }
            done += n;
        }
    }
}
