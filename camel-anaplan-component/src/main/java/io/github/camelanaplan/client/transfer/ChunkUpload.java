package io.github.camelanaplan.client.transfer;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.http.ApiPath;
import io.github.camelanaplan.client.http.ApiRequest;
import io.github.camelanaplan.client.ClientStats;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.RequestKind;
import io.github.camelanaplan.client.http.RetryingCaller;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the chunks of one upload: the calling thread reads (cuts) chunks while up to {@code inFlight} executor
 * threads each gzip one and PUT it, so reading, compressing and sending overlap. Each chunk is gzipped in blocks by
 * its sending thread and by idle threads of the same executor ({@link ParallelGzip}), so the first chunk already
 * keeps every core busy. The first chunk that finally fails stops the others and nothing more is sent.
 * <p>
 * A step that must succeed before the first chunk is sent (the file check and the chunk-count declaration) can run on
 * the calling thread once the first chunk is cut: the first chunks compress meanwhile, and wait for it before their
 * {@code PUT}. When the step fails, no chunk is sent and its failure is the upload's.
 */
final class ChunkUpload {

    private static final Logger LOG = LoggerFactory.getLogger(ChunkUpload.class);
    static final ContentType GZIP = ContentType.create("application/x-gzip");

    /** What was sent. */
    record Totals(int chunks, long bytes, long compressedBytes) {
    }

    private final RetryingCaller transport;
    private final ExecutorService executor;
    private final ApiPath fileUrl;
    private final String fileId;
    private final int declaredCount;
    private final InFlight inFlight;
    private final ParallelGzip gzip;
    /** Output arrays of sent chunks, reused: at most one per chunk in flight. */
    private final ConcurrentLinkedQueue<byte[]> outputs = new ConcurrentLinkedQueue<>();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder compressedBytes = new LongAdder();
    /** Completed by the calling thread once the step before the first PUT has succeeded; chunks wait for it. */
    private final CompletableFuture<Void> sendable = new CompletableFuture<>();

    ChunkUpload(RetryingCaller transport, ExecutorService executor, ApiPath fileUrl, String fileId, int declaredCount,
                UploadOptions options) {
        this.transport = transport;
        this.executor = executor;
        this.fileUrl = fileUrl;
        this.fileId = fileId;
        this.declaredCount = declaredCount;
        this.inFlight = new InFlight(options.inFlight());
        this.gzip = new ParallelGzip(options.compressionLevel(), executor, ParallelGzip.helpersForCores());
    }

    /** Sends every chunk the cutter gives; returns once all are sent, or throws once all senders have stopped. */
    Totals run(ChunkCutter cutter, String sourceKind) {
        return run(cutter, sourceKind, () -> { });
    }

    /**
     * As {@link #run(ChunkCutter, String)}, running {@code beforeFirstPut} on this thread once the first chunk is cut
     * and handed to a sender (or, for empty content, at once); no chunk is sent before it returns.
     *
     * @throws RuntimeException what {@code beforeFirstPut} threw, as it is, after every sender has stopped
     */
    Totals run(ChunkCutter cutter, String sourceKind, Runnable beforeFirstPut) {
        int submitted = 0;
        RuntimeException readFailure = null;
        RuntimeException stepFailure = null;
        try {
            while (inFlight.failure() == null) {
                Chunk chunk = cutter.next();
                if (chunk != null) {
                    submit(chunk);
                    submitted++;
                }
                if (!sendable.isDone()) {
                    try {
                        beforeFirstPut.run();
                        sendable.complete(null);
                    } catch (RuntimeException e) {
                        stepFailure = e;
                        sendable.completeExceptionally(e);
                        break;
                    }
                }
                if (chunk == null) {
                    break;
                }
            }
        } catch (IOException e) {
            readFailure = new AnaplanException("Upload of file " + fileId + " failed reading chunk " + submitted
                                               + " from the " + sourceKind + " body: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            readFailure = new AnaplanException("Upload of file " + fileId + " was interrupted at chunk " + submitted, e);
        } catch (RuntimeException e) {
            readFailure = e;
        } finally {
            if (readFailure != null || stepFailure != null) {
                inFlight.fail(-1, readFailure != null ? readFailure : stepFailure);
            }
            // senders never wait for ever: whatever stopped the loop stops them too
            sendable.completeExceptionally(new IllegalStateException("upload of file " + fileId + " stopped"));
            inFlight.awaitIdle();
            gzip.close();
            outputs.clear();
        }
        if (stepFailure != null) {
            throw stepFailure;
        }
        InFlight.Failure failure = inFlight.failure();
        if (failure != null && failure.chunkIndex() >= 0) {
            Throwable cause = failure.cause();
            throw new AnaplanException("Upload of file " + fileId + " failed at chunk " + failure.chunkIndex()
                                       + (declaredCount >= 0 ? " of " + declaredCount : "") + ": " + message(cause), cause);
        }
        if (readFailure != null) {
            throw readFailure;
        }
        return new Totals(submitted, bytes.sum(), compressedBytes.sum());
    }

    static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private void submit(Chunk chunk) throws InterruptedException {
        try {
            inFlight.reserve();
        } catch (InterruptedException e) {
            chunk.release();
            throw e;
        }
        try {
            executor.execute(() -> send(chunk));
        } catch (RejectedExecutionException e) {
            chunk.release();
            inFlight.unreserve();
            throw new AnaplanException("Upload of file " + fileId + " failed at chunk " + chunk.index()
                                       + ": the executor refused the task (" + e.getMessage() + ")", e);
        }
    }

    /** Runs on an executor thread: gzip the chunk, free its buffer for the reader, PUT it. */
    private void send(Chunk chunk) {
        boolean released = false;
        byte[] output = null;
        ClientStats stats = transport.stats();
        boolean counted = false;
        try {
            if (!inFlight.start()) {
                return;
            }
            output = outputs.poll();
            long began = System.nanoTime();
            ParallelGzip.Member member = gzip.compress(chunk.data(), chunk.offset(), chunk.length(), output);
            output = member.buffer();
            int compressedSize = member.size();
            chunk.release();
            released = true;
            if (!awaitSendable()) {
                return;
            }
            stats.chunksInFlightCounter().incrementAndGet();
            counted = true;
            byte[] body = output;
            String step = "upload chunk " + chunk.index() + " of file " + fileId;
            ApiRequest put = ApiRequest.put(fileUrl.then("chunks", String.valueOf(chunk.index())))
                    .entity(() -> new ByteArrayEntity(body, 0, compressedSize, GZIP)).kind(RequestKind.IDEMPOTENT)
                    .step(step).build();
            transport.execute(put, Json.discard());
            stats.chunkUploaded(chunk.length());
            bytes.add(chunk.length());
            compressedBytes.add(compressedSize);
            if (LOG.isDebugEnabled()) {
                LOG.debug("Uploaded chunk {} of file {}: {} bytes, {} gzipped, in {} ms", chunk.index(), fileId,
                        chunk.length(), compressedSize, (System.nanoTime() - began) / 1_000_000);
            }
        } catch (Throwable e) {
            // recorded, not swallowed: the reading thread rethrows it as the upload's failure
            inFlight.fail(chunk.index(), e);
        } finally {
            if (!released) {
                chunk.release();
            }
            if (counted) {
                stats.chunksInFlightCounter().decrementAndGet();
            }
            if (output != null) {
                outputs.offer(output);
            }
            inFlight.finish();
        }
    }

    /** Waits for the step before the first PUT; false when it failed or the upload stopped (nothing to send). */
    private boolean awaitSendable() {
        try {
            sendable.join();
            return true;
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return false;
        }
    }
}
