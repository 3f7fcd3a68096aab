package io.github.camelanaplan.client.transfer;

import io.github.camelanaplan.client.Defaults;
import io.github.camelanaplan.client.Limits;

/**
 * How an upload is cut, compressed and sent. Validated on construction, naming the endpoint option at fault.
 *
 * @param chunkSize        uncompressed bytes per chunk at most ({@code uploadChunkSize})
 * @param compressionLevel gzip level 1..9 ({@code compressionLevel})
 * @param parallel         whether several chunks may be in flight ({@code uploadParallel})
 * @param parallelism      chunks in flight at most when parallel ({@code uploadParallelism})
 */
public record UploadOptions(int chunkSize, int compressionLevel, boolean parallel, int parallelism) {

    public static final int MIN_CHUNK_SIZE = Limits.MIN_UPLOAD_CHUNK_SIZE;
    public static final int MAX_CHUNK_SIZE = Limits.MAX_UPLOAD_CHUNK_SIZE;
    public static final int DEFAULT_CHUNK_SIZE = Defaults.UPLOAD_CHUNK_SIZE;
    public static final int DEFAULT_COMPRESSION_LEVEL = Defaults.COMPRESSION_LEVEL;

    public UploadOptions {
        if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("uploadChunkSize must be between " + MIN_CHUNK_SIZE + " and " + MAX_CHUNK_SIZE
                                               + " bytes, not " + chunkSize);
        }
        if (compressionLevel < Limits.MIN_COMPRESSION_LEVEL || compressionLevel > Limits.MAX_COMPRESSION_LEVEL) {
            throw new IllegalArgumentException("compressionLevel must be between " + Limits.MIN_COMPRESSION_LEVEL + " and "
                                               + Limits.MAX_COMPRESSION_LEVEL + ", not " + compressionLevel);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("uploadParallelism must be at least 1, not " + parallelism);
        }
    }

    /** The product defaults: 25,000,000-byte chunks, level 6, parallel on the number of cores (at least 2). */
    public static UploadOptions defaults() {
        return new UploadOptions(DEFAULT_CHUNK_SIZE, DEFAULT_COMPRESSION_LEVEL, Defaults.UPLOAD_PARALLEL, defaultParallelism());
    }

    public static int defaultParallelism() {
        return Math.min(Limits.MAX_UPLOAD_PARALLELISM, Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Raw chunk buffers one upload holds at most: the one being filled and one being compressed. Every chunk is
     * already compressed on all cores ({@link ParallelGzip}), so more raw chunks at once would not compress faster,
     * only hold more memory; chunks in flight beyond that wait as their compressed form, about a sixth of the size.
     */
    public static final int RAW_BUFFERS = 2;

    /** Chunks in flight at most: 1 when not parallel. */
    public int inFlight() {
        return parallel ? parallelism : 1;
    }
}
