package io.github.camelanaplan.client.transfer;

import java.io.IOException;
import java.io.InputStream;

import io.github.camelanaplan.client.error.AnaplanException;

/**
 * Cuts content of unknown length while reading it: fills a pooled buffer, ends the chunk after the buffer's last
 * line feed when more content follows, and carries the partial row into the next buffer. One byte is read past a
 * full buffer to learn whether anything follows, so content of exactly one chunk is one chunk, as when planned.
 */
final class StreamCutter implements ChunkCutter {

    private final InputStream in;
    private final int chunkSize;
    private final BufferPool buffers;
    /** Next buffer, already holding {@code carried} bytes of a row begun in the previous chunk. */
    private byte[] pending;
    private int carried;
    /** The byte read past the last full buffer, or -1. */
    private int lookahead = -1;
    private boolean endOfInput;
    private boolean done;
    private int index;

    StreamCutter(InputStream in, int chunkSize, BufferPool buffers) {
        this.in = in;
        this.chunkSize = chunkSize;
        this.buffers = buffers;
    }

    @Override
    public int plannedCount() {
        return -1;
    }

    @Override
    public Chunk next() throws IOException {
        if (done) {
            return null;
        }
        byte[] buffer = pending != null ? pending : buffers.acquire();
        pending = null;
        try {
            return cut(buffer);
        } catch (IOException | RuntimeException e) {
            done = true;
            buffers.release(buffer);
            throw e;
        }
    }

    private Chunk cut(byte[] buffer) throws IOException {
        int fill = carried;
        carried = 0;
        if (lookahead >= 0) {
            // a carried row is shorter than a chunk, so the byte read ahead always fits after it
            buffer[fill++] = (byte) lookahead;
            lookahead = -1;
        }
        while (fill < chunkSize && !endOfInput) {
            int n = in.read(buffer, fill, chunkSize - fill);
            if (n < 0) {
                endOfInput = true;
            } else {
                fill += n;
            }
        }
        if (!endOfInput) {
            lookahead = in.read();
            endOfInput = lookahead < 0;
        }
        boolean more = lookahead >= 0;
        if (fill == 0 && !more && index > 0) {
            done = true;
            buffers.release(buffer);
            return null;
        }
        if (index == MAX_CHUNKS) {
            throw new AnaplanException(ChunkCutter.tooManyChunks("the streamed upload body needs", chunkSize));
        }
        int length = fill;
        if (more) {
            int lineFeed = ChunkPlanner.lastLineFeed(buffer, 0, fill);
            if (lineFeed >= 0) {
                length = lineFeed + 1;
            }
        }
        if (fill > length) {
            pending = buffers.acquire();
            carried = fill - length;
            System.arraycopy(buffer, length, pending, 0, carried);
        } else if (!more) {
            done = true;
        }
        return new Chunk(index++, buffer, 0, length, () -> buffers.release(buffer));
    }

    @Override
    public void close() {
        if (pending != null) {
            buffers.release(pending);
            pending = null;
        }
    }
}
