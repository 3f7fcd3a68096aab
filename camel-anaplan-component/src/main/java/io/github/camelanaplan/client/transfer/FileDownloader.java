package io.github.camelanaplan.client.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelanaplan.client.error.AnaplanProtocolException;
import io.github.camelanaplan.client.http.ApiPath;
import io.github.camelanaplan.client.http.ApiRequest;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.Paging;
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
    private final BlockRecycler recycler;

    /**
     * @param executor fetches chunks ahead of the reader
     * @param buffers  the engine's reusable arrays, shared by its downloads
     */
    public FileDownloader(RetryingCaller transport, ExecutorService executor, TransferBuffers buffers) {
        this.transport = transport;
        this.executor = executor;
        this.recycler = buffers.readBlocks;
    }

    /**
     * Lists the chunks now and returns a stream that fetches them as it is read.
     *
     * @param base     the content's path, without {@code chunks}
     * @param prefetch chunks fetched ahead in parallel (0: each chunk is fetched by the reading thread when needed)
     */
    public ChunkedInputStream open(ApiPath base, int prefetch) {
        return open(base, prefetch, null);
    }

    /**
     * Lists the chunks now, checks the list against the content's own chunk count when one is known, and returns a
     * stream that fetches them as it is read.
     *
     * @param expectedChunks the {@code chunkCount} the content's metadata claims (files list it), or null when unknown
     * @throws io.github.camelanaplan.client.error.AnaplanProtocolException when the chunk list repeats or skips an id,
     *                                                                      or names another number of chunks than
     *                                                                      {@code expectedChunks}
     */
    public ChunkedInputStream open(ApiPath base, int prefetch, Integer expectedChunks) {
        if (prefetch < 0) {
            throw new IllegalArgumentException("prefetch must be 0 or more, not " + prefetch);
        }
        String what = describe(base);
        List<String> ids = chunkIds(base, what, expectedChunks);
        return ChunkedInputStream.ofBlocks(ids, prefetch, id -> fetch(base, id, what), executor, what, recycler);
    }

    /** The whole content in memory. */
    public byte[] readAll(ApiPath base) {
        try (ChunkedInputStream in = open(base, DEFAULT_PREFETCH)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Chunk ids in order; Anaplan omits the {@code chunks} key when there are none. Anaplan numbers chunks 0 to n-1: a
     * list that repeats or skips one, or counts otherwise than the metadata, would download other bytes than the
     * content's, so it fails rather than returning them.
     */
    private List<String> chunkIds(ApiPath base, String what, Integer expectedChunks) {
        ApiRequest request = ApiRequest.get(base.then("chunks")).step("list the chunks of " + what).build();
        // the list is paged like any other (meta.paging): a file of many chunks may need more than one page
        List<JsonNode> chunks = Paging.readAll(request, "chunks", JsonNode.class,
                page -> transport.execute(page, Json.answer(page)));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            JsonNode id = chunks.get(i).path("id");
            if (!id.isValueNode() || id.isNull() || id.asText().isEmpty()) {
                throw violation(request, "chunks[" + i + "].id", "is missing or not a string");
            }
            ids.add(id.asText());
        }
        ids.sort(Comparator.comparingLong(FileDownloader::numericOrder).thenComparing(Comparator.naturalOrder()));
        String problem = ChunkList.problem(ids, expectedChunks);
        if (problem != null) {
            throw violation(request, "chunks", problem);
        }
        return ids;
    }

    private static AnaplanProtocolException violation(ApiRequest request, String field, String problem) {
        return new AnaplanProtocolException(request.step(), request.method(), request.path(), 200, field, problem);
    }

    /** Numeric ids ("0", "1", ..., "10") sort as numbers; anything else keeps a stable order after them. */
    private static long numericOrder(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private ChunkedInputStream.Blocks fetch(ApiPath base, String chunkId, String what) {
        ApiRequest call = ApiRequest.get(base.then("chunks", chunkId)).accept("application/octet-stream")
                .step("download chunk " + chunkId + " of " + what).build();
        ChunkedInputStream.Blocks blocks = transport.execute(call, (status, contentType, body) -> readBlocks(body, recycler));
        transport.stats().chunkDownloaded();
        return blocks;
    }

    /**
     * Reads a whole chunk body in blocks of {@value #READ_BLOCK} bytes, kept as they are for the reader.
     * {@code readAllBytes()} asked the connection for 8 KB at a time and then joined the pieces into one array per
     * chunk: a copy of every byte, a large (in a small heap, humongous) allocation per chunk, and a thousand reads per
     * 10 MB. Blocks stay below half a G1 region, so they are never humongous, even in a small heap; they come from
     * the engine's recycler, so once it is warm a chunk allocates none.
     */
    static ChunkedInputStream.Blocks readBlocks(InputStream body, BlockRecycler recycler) throws IOException {
        List<byte[]> blocks = new ArrayList<>();
        int last = READ_BLOCK;
        while (last == READ_BLOCK) {
            byte[] block = recycler.take();
            last = body.readNBytes(block, 0, READ_BLOCK);
            if (last > 0) {
                blocks.add(block);
            } else {
                recycler.give(List.of(block));
                last = blocks.isEmpty() ? 0 : READ_BLOCK;
                break;
            }
        }
        return blocks.isEmpty() ? ChunkedInputStream.Blocks.EMPTY : new ChunkedInputStream.Blocks(blocks, last);
    }

    /** "file 116000000001", "dump of task 3F…": the tail of the path, for messages. */
    static String describe(ApiPath base) {
        String[] parts = base.segments().toArray(new String[0]);
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
        return base.path();
    }
}
