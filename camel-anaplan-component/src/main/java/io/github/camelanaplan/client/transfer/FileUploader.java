package io.github.camelanaplan.client.transfer;

import java.io.IOException;
import java.util.concurrent.ExecutorService;

import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.http.ApiPath;
import io.github.camelanaplan.client.http.ApiRequest;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.JsonAnswer;
import io.github.camelanaplan.client.http.RequestKind;
import io.github.camelanaplan.client.http.RetryingCaller;
import io.github.camelanaplan.client.bulk.AnaplanFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads a file's content with Anaplan's chunk protocol. Known-length content declares its exact chunk count up
 * front ({@code POST {"chunkCount": N}}, then the chunks); streamed content declares -1, sends the chunks, then
 * {@code POST .../complete}. Chunks are gzipped ({@code application/x-gzip}), each on several threads in 1 MiB blocks,
 * and sent in parallel; memory stays at about {@code chunkSize × 2} for the raw chunks
 * ({@link UploadOptions#RAW_BUFFERS}) plus the compressed forms of the chunks in flight (and a few compressed blocks
 * per chunk being compressed), whatever the size.
 */
public final class FileUploader {

    private static final Logger LOG = LoggerFactory.getLogger(FileUploader.class);

    private final RetryingCaller transport;
    private final ExecutorService executor;
    private final TransferBuffers buffers;

    /**
     * @param executor runs the chunk PUTs; needs up to {@code uploadParallelism} threads free to reach it. Its idle
     *                 threads also help compress chunks; none has to be idle for an upload to finish
     */
    public FileUploader(RetryingCaller transport, ExecutorService executor) {
        this(transport, executor, null);
    }

    /** @param buffers the engine's reusable arrays (raw chunk buffers come from there), or null for none */
    public FileUploader(RetryingCaller transport, ExecutorService executor, TransferBuffers buffers) {
        this.transport = transport;
        this.executor = executor;
        this.buffers = buffers;
    }

    /**
     * Uploads {@code source} as the content of file {@code fileId}; closes the source.
     *
     * @param files    {@code {apiUrl}/workspaces/{ws}/models/{m}/files}
     * @throws IllegalArgumentException before any request when known-length content needs more than 1,000 chunks;
     *                                  while sending when an Iterator/Iterable body yields a null or unsupported element
     * @throws AnaplanException         when a request finally fails (a chunk: naming it), or the content cannot be read
     */
    public UploadResult upload(ApiPath files, String fileId, UploadSource source, UploadOptions options) {
        return upload(files, fileId, source, options, () -> { });
    }

    /**
     * As {@link #upload(ApiPath, String, UploadSource, UploadOptions)}, running {@code check} (a request that changes
     * nothing, such as the file check) before the chunk count is declared. For content that can be read again (a file,
     * an array: {@link UploadSource#length()} known) the first chunk is cut and compressed while {@code check} and the
     * declaration run, so a cold upload's first chunk leaves as soon as the file is declared; a failure of either sends
     * no chunk. A stream is not read before both have succeeded, so a failed check leaves it whole for an error
     * handler.
     *
     * @throws RuntimeException what {@code check} threw, as it is
     */
    public UploadResult upload(ApiPath files, String fileId, UploadSource source, UploadOptions options, Runnable check) {
        ApiPath fileUrl = files.then(fileId);
        BufferPool buffers = new BufferPool(UploadOptions.RAW_BUFFERS, options.chunkSize(),
                this.buffers == null ? null : this.buffers.chunkBuffers(options.chunkSize()));
        long began = System.nanoTime();
        ChunkCutter cutter = null;
        try {
            cutter = openCutter(source, fileId, options, buffers);
            int declared = cutter.plannedCount();
            AnaplanFile[] declaredFile = new AnaplanFile[1];
            Runnable beforeFirstPut = () -> {
                check.run();
                declaredFile[0] = declareChunkCount(fileUrl, fileId, declared);
            };
            ChunkUpload upload = new ChunkUpload(transport, executor, fileUrl, fileId, declared, options);
            ChunkUpload.Totals totals;
            if (source.length() != UploadSource.UNKNOWN_LENGTH) {
                totals = upload.run(cutter, source.kind(), beforeFirstPut);
            } else {
                beforeFirstPut.run();
                totals = upload.run(cutter, source.kind());
            }
            AnaplanFile file = declared >= 0 ? withChunkCount(declaredFile[0], fileId, declared)
                    : complete(fileUrl, fileId, declaredFile[0], totals.chunks());
            if (LOG.isDebugEnabled()) {
                long millis = Math.max(1, (System.nanoTime() - began) / 1_000_000);
                LOG.debug("Uploaded file {} from a {} body: {} bytes in {} chunks ({} gzipped) in {} ms", fileId,
                        source.kind(), totals.bytes(), totals.chunks(), totals.compressedBytes(), millis);
            }
            return new UploadResult(file, totals.chunks(), totals.bytes(), totals.compressedBytes());
        } finally {
            if (cutter != null) {
                cutter.close();
            }
            buffers.close();
            closeQuietly(source, fileId);
        }
    }

    private static ChunkCutter openCutter(UploadSource source, String fileId, UploadOptions options, BufferPool buffers) {
        try {
            return source.cutter(options.chunkSize(), buffers);
        } catch (IOException e) {
            throw new AnaplanException("Upload of file " + fileId + " failed: cannot read the " + source.kind() + " body: "
                                       + e.getMessage(), e);
        }
    }

    /**
     * {@code POST {"chunkCount": n}}: setting the same count twice is the same as once. Not re-sent after a read
     * timeout: a first POST that was only slow could land after the chunks and reset the file. Such an upload fails
     * instead (nothing is imported), and the exchange can be retried as a whole. Its answer may still show the old
     * chunk count (documented), so it is not checked against the count sent.
     */
    private AnaplanFile declareChunkCount(ApiPath fileUrl, String fileId, int chunkCount) {
        ApiRequest call = ApiRequest.post(fileUrl).json(new ChunkCountBody(chunkCount))
                .kind(RequestKind.IDEMPOTENT_UNLESS_SLOW).step("set the chunk count of file " + fileId).build();
        return transport.execute(call, Json.answer(call)).read("file", AnaplanFile.class);
    }

    /**
     * {@code POST .../complete} after streamed chunks: the server then knows the real chunk count, and must agree
     * with the number sent and name the file uploaded.
     */
    private AnaplanFile complete(ApiPath fileUrl, String fileId, AnaplanFile declaredFile, int chunks) {
        CompleteUploadBody body = new CompleteUploadBody(fileId, declaredFile == null ? null : declaredFile.name(), -1);
        ApiRequest call = ApiRequest.post(fileUrl.then("complete")).json(body).kind(RequestKind.IDEMPOTENT)
                .step("complete the upload of file " + fileId).build();
        JsonAnswer answer = transport.execute(call, Json.answer(call));
        AnaplanFile file = answer.read("file", AnaplanFile.class);
        if (file != null && file.id() != null && !file.id().equals(fileId)) {
            throw answer.violation("file.id", "is " + file.id() + ", not the file uploaded (" + fileId + ")");
        }
        if (file != null && file.chunkCount() != null && file.chunkCount() >= 0 && file.chunkCount() != chunks) {
            throw answer.violation("file.chunkCount", "is " + file.chunkCount() + ", but " + chunks + " chunks were sent");
        }
        if (file == null) {
            file = declaredFile;
        }
        return file != null && file.chunkCount() != null && file.chunkCount() >= 0 && file.id() != null ? file
                : withChunkCount(file, fileId, chunks);
    }

    /** The server may echo a stale chunk count (or no file at all): report what was uploaded. */
    static AnaplanFile withChunkCount(AnaplanFile file, String fileId, int chunkCount) {
        if (file == null) {
            return new AnaplanFile(fileId, null, chunkCount, null, null, null, null, null, null);
        }
        return new AnaplanFile(file.id() != null ? file.id() : fileId, file.name(), chunkCount, file.delimiter(),
                file.encoding(), file.firstDataRow(), file.format(), file.headerRow(), file.separator());
    }

    private static void closeQuietly(UploadSource source, String fileId) {
        try {
            source.close();
        } catch (IOException e) {
            // the content was read (or the upload already failed): a failing close changes nothing on the server
            LOG.debug("Closing the {} body of file {} failed: {}", source.kind(), fileId, e.toString());
        }
    }
}
