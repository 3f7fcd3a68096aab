package io.github.camelanaplan.client.transfer;

import static io.github.camelanaplan.client.transfer.GzipBlockLayout.BLOCK_SIZE;
import static io.github.camelanaplan.client.transfer.GzipBlockLayout.DICTIONARY_SIZE;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzips one chunk into one gzip member (RFC 1952) on several threads, the way pigz does. The chunk is cut into
 * blocks of {@link GzipBlockLayout#BLOCK_SIZE}; each block is raw-deflated on its own, primed with the last 32 KiB of the block
 * before it ({@link Deflater#setDictionary}) so it compresses nearly as well as one stream, and ended with a sync
 * flush (the last one with {@code finish}) so the blocks' outputs simply follow one another. Then comes the trailer:
 * the CRC-32 of the whole chunk, computed on the calling thread while the blocks compress, and its length.
 * <p>
 * The calling thread compresses blocks itself, taking the next block nobody has taken, and helpers on the executor do
 * the same; the caller only ever waits for blocks another thread is compressing at that moment. So the work finishes
 * whether or not a helper ever runs: on a one-thread pool whose only thread is the caller, on a saturated pool, on a
 * pool that refuses the task. Helpers are only asked for while the pool has an idle thread, never queued behind other
 * work, and a helper that starts after the last block was taken does nothing.
 * <p>
 * The output depends only on the content and the level, not on the threads: content shorter than two blocks, and
 * level 0, take the single-stream path (as {@code GZIPOutputStream} would write it); longer content is always cut
 * into blocks, even when no helper comes. Thread-safe: one per upload, shared by its sending threads; it pools its
 * deflaters and block buffers, and {@link #close()} ends the deflaters once no compression is running.
 */
final class ParallelGzip implements AutoCloseable {

    /** Compressed blocks of one chunk waiting to be joined at most, per thread compressing it: bounds the memory. */
    static final int BLOCKS_AHEAD_PER_THREAD = 2;

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TRAILER = 8;
    private static final int MIN_CAPACITY = 64 * 1024;
    private static final byte[] EMPTY = new byte[0];

    /** One gzip member: {@code buffer[0, size)}. */
    record Member(byte[] buffer, int size) {
    }

    private final int level;
    private final Executor executor;
    private final int helpers;
    private final ConcurrentLinkedQueue<Deflater> deflaters = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<byte[]> blockBuffers = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /**
     * @param level    deflate level 0..9
     * @param executor where helpers run; null compresses on the calling thread only
     * @param helpers  threads asked to help with each chunk at most, besides the caller
     */
    ParallelGzip(int level, Executor executor, int helpers) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("deflate level must be between 0 and 9, not " + level);
        }
        this.level = level;
        this.executor = executor;
        this.helpers = executor == null ? 0 : Math.max(0, helpers);
    }

    /** Helpers worth asking for on this machine: one fewer than its cores, the caller being the other. */
    static int helpersForCores() {
        return Runtime.getRuntime().availableProcessors() - 1;
    }

    /**
     * Gzips {@code data[offset, offset+length)}, which nobody may change until this returns.
     *
     * @param reuse written into when large enough, else replaced by a larger array; kept by the caller for the next
     *              chunk once done with the result
     */
    Member compress(byte[] data, int offset, int length, byte[] reuse) {
        if (closed) {
            throw new IllegalStateException("compressor closed");
        }
        if (!GzipBlockLayout.inBlocks(length, level)) {
            return single(data, offset, length, reuse == null ? EMPTY : reuse);
        }
        Job job = new Job(data, offset, length, reuse == null ? EMPTY : reuse);
        job.askHelpers();
        CRC32 crc = new CRC32();
        crc.update(data, offset, length);
        job.work();
        return job.finish((int) crc.getValue());
    }

    /** One stream, one thread: header, the whole input deflated with {@code finish}, trailer. */
    private Member single(byte[] data, int offset, int length, byte[] reuse) {
        Output out = new Output(reuse, length);
        out.put(HEADER, HEADER.length);
        Deflater deflater = deflater();
        try {
            deflater.setInput(data, offset, length);
            deflater.finish();
            while (!deflater.finished()) {
                out.ensureRoom(1);
                out.size += deflater.deflate(out.bytes, out.size, out.bytes.length - out.size);
            }
        } finally {
            recycle(deflater);
        }
        CRC32 crc = new CRC32();
        crc.update(data, offset, length);
        out.trailer((int) crc.getValue(), length);
        return new Member(out.bytes, out.size);
    }

    /**
     * Deflates block {@code block} of {@code data[offset, offset+length)} into {@code buffer} (grown when too small,
     * rarely: it starts at the block's bound); returns the buffer holding the result, whose size goes to {@code size[0]}.
     */
    private byte[] deflateBlock(byte[] data, int offset, int length, int block, byte[] buffer, int[] size) {
        int start = offset + block * BLOCK_SIZE;
        boolean last = (long) (block + 1) * BLOCK_SIZE >= length;
        int end = last ? offset + length : start + BLOCK_SIZE;
        Deflater deflater = deflater();
        try {
            if (block > 0) {
                deflater.setDictionary(data, start - DICTIONARY_SIZE, DICTIONARY_SIZE);
            }
            deflater.setInput(data, start, end - start);
            int n = 0;
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    if (n == buffer.length) {
                        buffer = Arrays.copyOf(buffer, buffer.length * 2);
                    }
                    n += deflater.deflate(buffer, n, buffer.length - n);
                }
            } else {
                // a sync flush ends on a byte boundary with an empty stored block: the next block's output follows it
                while (true) {
                    int room = buffer.length - n;
                    int written = deflater.deflate(buffer, n, room, Deflater.SYNC_FLUSH);
                    n += written;
                    if (written < room) {
                        break;
                    }
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
            size[0] = n;
            return buffer;
        } finally {
            recycle(deflater);
        }
    }

    private Deflater deflater() {
        Deflater deflater = deflaters.poll();
        return deflater != null ? deflater : new Deflater(level, true);
    }

    private void recycle(Deflater deflater) {
        deflater.reset();
        deflaters.offer(deflater);
        if (closed) {
            endPooled();
        }
    }

    private byte[] blockBuffer() {
        byte[] buffer = blockBuffers.poll();
        return buffer != null ? buffer : new byte[(int) deflateBound(BLOCK_SIZE)];
    }

    /** Whether a task handed to the executor now would start at once rather than wait in its queue. */
    private boolean helperWouldStartNow() {
        if (executor instanceof ThreadPoolExecutor pool) {
            return pool.getQueue().isEmpty() && pool.getActiveCount() < pool.getMaximumPoolSize() && !pool.isShutdown();
        }
        return true;
    }

    /** Frees the native memory of the pooled deflaters; call once no {@link #compress} is running. */
    @Override
    public void close() {
        closed = true;
        endPooled();
        blockBuffers.clear();
    }

    private void endPooled() {
        Deflater deflater;
        while ((deflater = deflaters.poll()) != null) {
            deflater.end();
        }
    }

    /** zlib's deflateBound for raw deflate: what incompressible input takes as stored blocks. */
    static long deflateBound(long inputLength) {
        return inputLength + (inputLength >> 12) + (inputLength >> 14) + (inputLength >> 25) + 13;
    }

    /** The largest member {@link #compress} can produce for {@code inputLength} bytes of incompressible input. */
    static long bound(long inputLength) {
        long blocks = Math.max(1, (inputLength + BLOCK_SIZE - 1) / BLOCK_SIZE);
        // each block: its own end of stream overhead and the empty stored block of its sync flush
        return deflateBound(inputLength) + blocks * (13 + 6) + HEADER.length + TRAILER;
    }

    /**
     * One chunk being compressed in blocks: which block is next to take, which is next to join, the joined output so
     * far. Blocks are joined in order as soon as they and those before them are done, by whichever thread finished
     * the last of them, so only a few compressed blocks wait at any time.
     */
    private final class Job implements Runnable {

        private final byte[] data;
        private final int offset;
        private final int length;
        private final int blocks;
        /** Compressed blocks not yet joined at most: a thread waits to take a block further ahead. */
        private final int ahead;
        private final byte[][] done;
        private final int[] doneSize;
        private final Output out;
        private int nextToTake;
        private int nextToJoin;
        private int running;
        private Throwable failure;

        Job(byte[] data, int offset, int length, byte[] reuse) {
            this.data = data;
            this.offset = offset;
            this.length = length;
            this.blocks = (int) ((length + (long) BLOCK_SIZE - 1) / BLOCK_SIZE);
            this.ahead = BLOCKS_AHEAD_PER_THREAD * (1 + Math.min(helpers, blocks - 1));
            this.done = new byte[blocks][];
            this.doneSize = new int[blocks];
            this.out = new Output(reuse, length);
            out.put(HEADER, HEADER.length);
        }

        void askHelpers() {
            int wanted = Math.min(helpers, blocks - 1);
            for (int i = 0; i < wanted && helperWouldStartNow(); i++) {
                try {
                    executor.execute(this);
                } catch (RejectedExecutionException e) {
                    return; // the caller compresses what no helper takes
                }
            }
        }

        /** A helper: takes blocks until none is left. */
        @Override
        public void run() {
            work();
        }

        /** Takes and compresses blocks until none is left (or one failed). */
        void work() {
            int[] size = new int[1];
            int block;
            while ((block = take()) >= 0) {
                byte[] buffer = null;
                Throwable failed = null;
                try {
                    buffer = deflateBlock(data, offset, length, block, blockBuffer(), size);
                } catch (Throwable e) {
                    failed = e;
                }
                finished(block, buffer, size[0], failed);
            }
        }

        private synchronized int take() {
            boolean interrupted = false;
            try {
                // the block being joined next is taken and being compressed by a running thread: this wait ends
                while (failure == null && nextToTake < blocks && nextToTake >= nextToJoin + ahead) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // a block in progress reads the chunk: finish, keep the flag
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure != null || nextToTake == blocks) {
                return -1;
            }
            running++;
            return nextToTake++;
        }

        private synchronized void finished(int block, byte[] buffer, int size, Throwable failed) {
            running--;
            if (failed != null) {
                if (failure == null) {
                    failure = failed;
                }
            } else if (failure != null) {
                blockBuffers.offer(buffer);
            } else {
                done[block] = buffer;
                doneSize[block] = size;
                while (nextToJoin < blocks && done[nextToJoin] != null) {
                    out.put(done[nextToJoin], doneSize[nextToJoin]);
                    blockBuffers.offer(done[nextToJoin]);
                    done[nextToJoin] = null;
                    nextToJoin++;
                }
            }
            notifyAll();
        }

        /** Waits for the blocks other threads still compress, then appends the trailer. */
        synchronized Member finish(int crc) {
            boolean interrupted = false;
            try {
                while (running > 0 || (failure == null && nextToJoin < blocks)) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // leaving now would hand the chunk's buffer back while a helper reads it
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure != null) {
                for (byte[] buffer : done) {
                    if (buffer != null) {
                        blockBuffers.offer(buffer);
                    }
                }
                Arrays.fill(done, null);
                if (failure instanceof RuntimeException e) {
                    throw e;
                }
                if (failure instanceof Error e) {
                    throw e;
                }
                throw new IllegalStateException("compressing a block failed", failure);
            }
            out.trailer(crc, length);
            return new Member(out.bytes, out.size);
        }
    }

    /** The member being written: a growing array, kept across chunks by the caller. */
    private static final class Output {

        private final int inputLength;
        byte[] bytes;
        int size;

        Output(byte[] reuse, int inputLength) {
            this.bytes = reuse;
            this.inputLength = inputLength;
        }

        void put(byte[] source, int length) {
            ensureRoom(length);
            System.arraycopy(source, 0, bytes, size, length);
            size += length;
        }

        void trailer(int crc, int length) {
            ensureRoom(TRAILER);
            writeIntLe(crc);
            writeIntLe(length); // ISIZE: the length modulo 2^32; a chunk is far below 4 GiB
        }

        /**
         * Grows the array when fewer than {@code needed} bytes are free: doubling, but never past what incompressible
         * input needs, so after the first few chunks it stops growing.
         */
        void ensureRoom(int needed) {
            if (bytes.length - size >= needed) {
                return;
            }
            long grown = Math.max((long) bytes.length * 2, MIN_CAPACITY);
            long capacity = Math.max(size + (long) needed, Math.min(grown, bound(inputLength)));
            if (capacity > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("chunk too large to compress: " + inputLength + " bytes");
            }
            bytes = Arrays.copyOf(bytes, (int) capacity);
        }

        private void writeIntLe(int value) {
            bytes[size++] = (byte) value;
            bytes[size++] = (byte) (value >>> 8);
            bytes[size++] = (byte) (value >>> 16);
            bytes[size++] = (byte) (value >>> 24);
        }
    }
}
