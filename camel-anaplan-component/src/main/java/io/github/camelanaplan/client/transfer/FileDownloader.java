package io.github.camelanaplan.client.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelanaplan.client.http.ApiCall;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.ResponseReader;
import io.github.camelanaplan.client.http.RetryingCaller;

/**
 * Downloads chunked server content: files ({@code .../files/{id}}), import dumps ({@code .../tasks/{t}/dump}) and
 * process dumps ({@code .../tasks/{t}/dumps/{objectId}}) all list their chunks under {@code {base}/chunks} and serve
 * each at {@code {base}/chunks/{id}}.
 */
public final class FileDownloader {

    /** Chunks fetched ahead by {@link #readAll(String)}. */
    public static final int DEFAULT_PREFETCH = 2;

    /** Bytes asked of the connection per read of a chunk body. */
    static final int READ_BLOCK = 256 * 1024;

    private final RetryingCaller transport;
    private final ExecutorService executor;

    /** @param executor fetches chunks ahead of the reader */
    public FileDownloader(RetryingCaller transport, ExecutorService executor) {
        this.transport = transport;
        this.executor = executor;
    }

    /**
     * Lists the chunks now and returns a stream that fetches them as it is read.
     *
     * @param baseUrl  the content's URL, without {@code /chunks}
     * @param prefetch chunks fetched ahead in parallel (0: each chunk is fetched by the reading thread when needed)
     */
    public ChunkedInputStream open(String baseUrl, int prefetch) {
        if (prefetch < 0) {
            throw new IllegalArgumentException("prefetch must be 0 or more, not " + prefetch);
        }
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String what = describe(base);
        List<String> ids = chunkIds(base, what);
        return ChunkedInputStream.ofBlocks(ids, prefetch, id -> fetch(base, id, what), executor, what);
    }

    /** The whole content in memory. */
    public byte[] readAll(String baseUrl) {
        try (ChunkedInputStream in = open(baseUrl, DEFAULT_PREFETCH)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chunk ids in order; Anaplan omits the {@code chunks} key when there are none. */
    private List<String> chunkIds(String base, String what) {
        JsonNode listing = transport.execute(ApiCall.get("list the chunks of " + what, base + "/chunks"), Json.tree());
        List<String> ids = new ArrayList<>();
        JsonNode chunks = listing.path("chunks");
        if (chunks.isObject()) {
            ids.add(chunks.path("id").asText());
        } else {
            for (JsonNode chunk : chunks) {
                ids.add(chunk.path("id").asText());
            }
        }
        ids.sort(Comparator.comparingLong(FileDownloader::numericOrder).thenComparing(Comparator.naturalOrder()));
        return ids;
    }

    /** Numeric ids ("0", "1", ..., "10") sort as numbers; anything else keeps a stable order after them. */
    private static long numericOrder(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private ChunkedInputStream.Blocks fetch(String base, String chunkId, String what) {
        ApiCall call = ApiCall.get("download chunk " + chunkId + " of " + what, TransferUrls.child(base + "/chunks", chunkId))
                .withHeader("Accept", "application/octet-stream");
        // a chunk is content, not an answer: bounded by the timeout between bytes, not by maxResponseSize
        ChunkedInputStream.Blocks blocks = transport.execute(call,
                ResponseReader.stream((status, contentType, body) -> readBlocks(body)));
        transport.stats().chunkDownloaded();
        return blocks;
    }

    /**
     * Reads a whole chunk body in blocks of {@value #READ_BLOCK} bytes, kept as they are for the reader.
     * {@code readAllBytes()} asked the connection for 8 KB at a time and then joined the pieces into one array per
     * chunk: a copy of every byte, a large (in a small heap, humongous) allocation per chunk, and a thousand reads per
     * 10 MB. Blocks stay below half a G1 region, so they are never humongous, even in a small heap.
     */
    static ChunkedInputStream.Blocks readBlocks(InputStream body) throws IOException {
        List<byte[]> blocks = new ArrayList<>();
        int last = READ_BLOCK;
        while (last == READ_BLOCK) {
            byte[] block = new byte[READ_BLOCK];
            last = body.readNBytes(block, 0, READ_BLOCK);
            if (last > 0) {
                blocks.add(block);
            } else {
                last = blocks.isEmpty() ? 0 : READ_BLOCK;
                break;
            }
        }
        return blocks.isEmpty() ? ChunkedInputStream.Blocks.EMPTY : new ChunkedInputStream.Blocks(blocks, last);
    }

    /** "file 116000000001", "dump of task 3F…": the tail of the path, for messages. */
    static String describe(String base) {
        String[] parts = base.split("/");
        int n = parts.length;
        if (n >= 2 && parts[n - 2].equals("files")) {
            return "file " + parts[n - 1];
        }
        if (n >= 2 && parts[n - 1].equals("dump")) {
            return "the failure dump of task " + parts[n - 2];
        }
        if (n >= 4 && parts[n - 2].equals("dumps")) {
            return "the failure dump of " + parts[n - 1] + " in task " + parts[n - 3];
        }
        return base.substring(base.indexOf('/', base.indexOf("://") + 3));
    }
}
