package io.github.camelanaplan.client;

/**
 * The one place for every option's range: what Anaplan's API accepts, or what is sane (a retry count of two billion
 * is a typo, not a policy). Compile-time constants; the checks that use them name the option.
 */
public final class Limits {

    public static final int MAX_RETRY_COUNT = 100;
    /** Smallest maxResponseSize: every API answer's envelope fits. */
    public static final long MIN_MAX_RESPONSE_SIZE = 1024;
    /** Largest maxResponseSize: what one byte array holds. */
    public static final long MAX_MAX_RESPONSE_SIZE = Integer.MAX_VALUE - 8;
    /** A week: waits longer than that are mistakes, and {@code Duration} arithmetic stays far from overflow. */
    public static final long MAX_DURATION_MILLIS = 7L * 24 * 60 * 60 * 1000;
    public static final int MAX_REQUESTS_PER_MINUTE = 1_000_000;

    /** Anaplan: chunks of 1 to 50 MB uncompressed, at most 1,000 per file. */
    public static final int MIN_UPLOAD_CHUNK_SIZE = 1_000_000;
    public static final int MAX_UPLOAD_CHUNK_SIZE = 50_000_000;
    public static final int MAX_CHUNKS_PER_FILE = 1_000;

    public static final int MIN_COMPRESSION_LEVEL = 1;
    public static final int MAX_COMPRESSION_LEVEL = 9;
    /** Chunks in flight per upload; each holds up to a chunk in memory. */
    public static final int MAX_UPLOAD_PARALLELISM = 64;
    public static final int MAX_DOWNLOAD_PREFETCH = 64;

    /** Anaplan: at most 100,000 list items per write call. */
    public static final int MAX_LIST_ITEM_BATCH_SIZE = 100_000;
    /** Anaplan: cells per write call; the sources say 1,000 or 100,000, so the larger one is the bound. */
    public static final int MAX_CELL_WRITE_BATCH_SIZE = 100_000;
    /** Anaplan: a view read answers at most 1,000,000 cells. */
    public static final int MAX_ROWS = 1_000_000;

    /** Audit API: a range of at most 30 days. */
    public static final int MAX_AUDIT_INTERVAL_HOURS = 720;
    public static final long MAX_AUDIT_LOOK_BACK_MILLIS = 30L * 24 * 60 * 60 * 1000;

    public static final int MAX_PORT = 65_535;
    public static final int MAX_WORKER_THREADS = 1_000;

    private Limits() {
    }
}
