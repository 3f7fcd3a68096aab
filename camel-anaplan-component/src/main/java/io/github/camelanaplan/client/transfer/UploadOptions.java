package io.github.camelanaplan.client.transfer;

/**
 * How an upload is cut, compressed and sent. Validated on construction, naming the endpoint option at fault.
 *
 * @param chunkSize        uncompressed bytes per chunk at most ({@code uploadChunkSize})
 * @param compressionLevel gzip level 1..9 ({@code compressionLevel})
 * @param parallel         whether several chunks may be in flight ({@code uploadParallel})
 * @param parallelism      chunks in flight at most when parallel ({@code uploadParallelism})
 */
public record UploadOptions(int chunkSize, int compressionLevel, boolean parallel, int parallelism) {

    public static final int MIN_CHUNK_SIZE = 1_000_000;
    public static final int MAX_CHUNK_SIZE = 50_000_000;
    public static final int DEFAULT_CHUNK_SIZE = 25_000_000;
    public static final int DEFAULT_COMPRESSION_LEVEL = 6;

    public UploadOptions {
        if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("uploadChunkSize must be between " + MIN_CHUNK_SIZE + " and " + MAX_CHUNK_SIZE
                                               + " bytes, not " + chunkSize);
        }
        if (compressionLevel < 1 || compressionLevel > 9) {
            throw new IllegalArgumentException("compressionLevel must be between 1 and 9, not " + compressionLevel);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("uploadParallelism must be at least 1, not " + parallelism);
        }
    }

    /** The product defaults: 25,000,000-byte chunks, level 6, parallel on the number of cores (at least 2). */
    public static UploadOptions defaults() {
        return new UploadOptions(DEFAULT_CHUNK_SIZE, DEFAULT_COMPRESSION_LEVEL, true, defaultParallelism());
    }

    public static int defaultParallelism() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    /** Chunks in flight at most: 1 when not parallel. */
    public int inFlight() {
        return parallel ? parallelism : 1;
    }
}
