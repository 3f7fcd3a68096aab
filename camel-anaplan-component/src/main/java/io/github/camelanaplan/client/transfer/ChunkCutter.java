package io.github.camelanaplan.client.transfer;

import java.io.Closeable;
import java.io.IOException;

/**
 * Hands out an upload's chunks in order. Rules, whatever the source: a chunk holds at most {@code chunkSize}
 * uncompressed bytes; a chunk that is followed by more content and whose bytes contain a line feed ends just after
 * the last one, so a CSV row never straddles two chunks; content without a line feed is cut at exactly
 * {@code chunkSize}; empty content is one empty chunk.
 */
interface ChunkCutter extends Closeable {

    /** Anaplan's limit of chunks per file. */
    int MAX_CHUNKS = io.github.camelanaplan.client.Limits.MAX_CHUNKS_PER_FILE;

    /** The number of chunks, when known before they are read; -1 for streamed content. */
    int plannedCount();

    /** The next chunk, or null after the last; the caller releases it. */
    Chunk next() throws IOException;

    @Override
    default void close() {
        // nothing held by default
    }

    static String tooManyChunks(String what, int chunkSize) {
        return what + " more than " + MAX_CHUNKS + " chunks of uploadChunkSize=" + chunkSize
               + " bytes; Anaplan accepts at most " + MAX_CHUNKS + " chunks per file: raise uploadChunkSize"
               + " (at most " + UploadOptions.MAX_CHUNK_SIZE + ")";
    }
}
