package io.github.camelanaplan.client.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * The content of a chunked server file, fetched lazily: nothing is fetched before the first read, then chunks are
 * fetched in order, up to {@code prefetch} of them ahead on an executor while the reader works through the current
 * one. At most {@code prefetch + 1} chunks are held at any time. A chunk that cannot be fetched surfaces as an
 * {@link IOException} naming it; {@link #close()} cancels the fetches still outstanding.
 */
public final class ChunkedInputStream extends InputStream {

    /** Fetches one chunk's bytes by its id. */
    @FunctionalInterface
    interface ChunkFetcher {
        byte[] fetch(String chunkId) throws Exception;
    }

    /** Fetches one chunk by its id as it came off the connection: in blocks, never joined into one array. */
    @FunctionalInterface
    interface BlockFetcher {
        Blocks fetch(String chunkId) throws Exception;
    }

    /**
     * A chunk's content as read: every array but the last is full, the last holds {@code lastLength} bytes. Reading a
     * chunk into blocks, and the reader taking it block by block, saves joining it into one large array (a copy of
     * every byte, and in a small heap a humongous allocation per chunk).
     */
    record Blocks(List<byte[]> arrays, int lastLength) {

        static final Blocks EMPTY = new Blocks(List.of(), 0);

        static Blocks of(byte[] bytes) {
            return new Blocks(List.of(bytes), bytes.length);
        }

        int length(int index) {
            return index == arrays.size() - 1 ? lastLength : arrays.get(index).length;
        }
    }

    private static final byte[] NONE = new byte[0];

    private final List<String> chunkIds;
    private final int chunkCount;
    private final int prefetch;
    private final BlockFetcher fetcher;
    private final ExecutorService executor;
    private final String description;
    private final ArrayDeque<Future<Blocks>> ahead = new ArrayDeque<>();
    /** Takes the blocks of each chunk read to the end; null once blocks may have escaped to the caller. */
    private BlockRecycler recycler;
    private int nextToFetch;
    private int nextToRead;
    /** The chunk being read, its block being read, and the valid bytes of that block. */
    private Blocks chunk = Blocks.EMPTY;
    private int block = -1;
    private byte[] current = NONE;
    private int limit;
    private int position;
    private IOException failure;
    private boolean closed;

    /** @param description what is being read, for messages ("file 116000000001") */
    ChunkedInputStream(List<String> chunkIds, int prefetch, ChunkFetcher fetcher, ExecutorService executor,
                       String description) {
        this(chunkIds, prefetch, executor, description, id -> Blocks.of(fetcher.fetch(id)), null);
    }

    /** A stream over chunks fetched in blocks; {@code description} is what is being read, for messages. */
    static ChunkedInputStream ofBlocks(List<String> chunkIds, int prefetch, BlockFetcher fetcher, ExecutorService executor,
                                       String description, BlockRecycler recycler) {
        return new ChunkedInputStream(chunkIds, prefetch, executor, description, fetcher, recycler);
    }

    private ChunkedInputStream(List<String> chunkIds, int prefetch, ExecutorService executor, String description,
                               BlockFetcher fetcher, BlockRecycler recycler) {
        this.recycler = recycler;
        this.chunkIds = List.copyOf(chunkIds);
        this.chunkCount = chunkIds.size();
        this.prefetch = prefetch;
        this.fetcher = fetcher;
        this.executor = executor;
        this.description = description;
    }

    /** Chunks in the file, as listed when the stream was opened. */
    public int chunkCount() {
        return chunkCount;
    }

    @Override
    public int read() throws IOException {
        if (!ensureData()) {
            return -1;
        }
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        if (!ensureData()) {
            return -1;
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(current, position, target, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        checkOpen();
        return limit - position;
    }

    /** Writes whole blocks straight from their arrays, without an intermediate buffer. */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        long total = 0;
        while (ensureData()) {
            int n = limit - position;
            out.write(current, position, n);
            position += n;
            total += n;
        }
        return total;
    }

    /** Gathers the remaining chunks and joins them once, instead of growing a buffer copy by copy. */
    @Override
    public byte[] readAllBytes() throws IOException {
        // the blocks themselves may become the answer: none of them may be reused from here on
        recycler = null;
        List<byte[]> parts = new ArrayList<>();
        long total = 0;
        while (ensureData()) {
            byte[] part = position == 0 && limit == current.length ? current : Arrays.copyOfRange(current, position, limit);
            parts.add(part);
            total += part.length;
            position = limit;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IOException(description + " is too large for one array: " + total + " bytes");
        }
        byte[] all = new byte[(int) total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** Makes the current chunk hold unread bytes, fetching on; false at the end of the content. */
    private boolean ensureData() throws IOException {
        checkOpen();
        while (position == limit) {
            if (block + 1 < chunk.arrays().size()) {
                block++;
            } else {
                // let the chunk just read go (back to the recycler) before fetching more, or at the end
                if (recycler != null) {
                    recycler.give(chunk.arrays());
                }
                chunk = Blocks.EMPTY;
                current = NONE;
                position = 0;
                limit = 0;
                if (nextToRead == chunkCount) {
                    return false;
                }
                chunk = take(nextToRead++);
                block = 0;
                if (chunk.arrays().isEmpty()) {
                    continue;
                }
            }
            current = chunk.arrays().get(block);
            limit = chunk.length(block);
            position = 0;
        }
        return true;
    }

    private Blocks take(int index) throws IOException {
        if (prefetch == 0) {
            try {
                return fetcher.fetch(chunkIds.get(index));
            } catch (Exception e) {
                throw fail(index, e);
            }
        }
        // keep this chunk and the next `prefetch` ones in flight
        while (nextToFetch < chunkCount && nextToFetch <= index + prefetch) {
            int fetchIndex = nextToFetch++;
            String chunkId = chunkIds.get(fetchIndex);
            try {
                ahead.add(executor.submit(() -> fetcher.fetch(chunkId)));
            } catch (RejectedExecutionException e) {
                throw fail(fetchIndex, e);
            }
        }
        Future<Blocks> next = ahead.poll();
        try {
            return next.get();
        } catch (ExecutionException e) {
            throw fail(index, e.getCause());
        } catch (CancellationException e) {
            throw fail(index, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelAll();
            InterruptedIOException interrupted = new InterruptedIOException("Interrupted while reading chunk " + chunkIds.get(index)
                                                                            + " of " + description);
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    private IOException fail(int index, Throwable cause) {
        cancelAll();
        String why = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        failure = new IOException("Download of chunk " + chunkIds.get(index) + " (" + (index + 1) + " of " + chunkCount
                                  + ") of " + description + " failed: " + why, cause);
        return failure;
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("Stream of " + description + " is closed");
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void cancelAll() {
        Future<Blocks> pending;
        while ((pending = ahead.poll()) != null) {
            pending.cancel(true);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cancelAll();
            chunk = Blocks.EMPTY;
            current = NONE;
            position = 0;
            limit = 0;
        }
    }
}
