package io.github.camelanaplan.client;

/**
 * The one place for every option's default. Compile-time constants, so the Camel binding's
 * {@code @UriParam(defaultValue = "" + ...)} and the engine's own option types read the same value; durations are in
 * milliseconds. The ranges the values are checked against are in {@link Limits}.
 */
public final class Defaults {

    // connection (ClientSettings)
    public static final long TIMEOUT_MILLIS = 30_000;
    public static final int RETRY_COUNT = 3;
    public static final long RETRY_BACKOFF_MILLIS = 1_000;
    /** The most one call waits across its retries, Retry-After included. */
    public static final long MAX_RETRY_WAIT_MILLIS = 120_000;
    /** Largest JSON/text answer read into memory; chunk downloads are streams and not bounded by it. */
    public static final String MAX_RESPONSE_SIZE = "64MB";
    public static final long MAX_RESPONSE_SIZE_BYTES = 64L * 1024 * 1024;
    public static final int MAX_REQUESTS_PER_MINUTE = 600;
    public static final int MAX_CONNECTIONS = 64;

    // tasks (TaskOptions)
    public static final String LOCALE = "en_US";
    public static final long STATUS_POLL_DELAY_MILLIS = 1_000;
    public static final long MAX_STATUS_POLL_DELAY_MILLIS = 10_000;
    public static final boolean CANCEL_ON_TIMEOUT = true;
    public static final boolean FETCH_FAILURE_DUMP = true;
    public static final boolean FAIL_ON_WARNINGS = false;

    // transfers (UploadOptions, downloads)
    public static final int UPLOAD_CHUNK_SIZE = 25_000_000;
    public static final int COMPRESSION_LEVEL = 6;
    public static final boolean UPLOAD_PARALLEL = true;
    public static final int DOWNLOAD_PREFETCH = 2;
    public static final String CHARSET = "UTF-8";
    public static final boolean STREAMING = true;
    public static final boolean ALLOW_FILE_CREATION = false;

    // transactional writes: Anaplan's documented per-call limits (the cell limit is disputed: 1,000 vs 100,000)
    public static final int LIST_ITEM_BATCH_SIZE = 100_000;
    public static final int CELL_WRITE_BATCH_SIZE = 100_000;

    // names instead of ids: how long a listing read to resolve a name is kept (0: list every time)
    public static final long NAME_CACHE_TTL_MILLIS = 10 * 60 * 1000L;

    // audit consumer
    public static final long AUDIT_LOOK_BACK_MILLIS = 24 * 60 * 60 * 1000L;
    public static final long AUDIT_OVERLAP_MILLIS = 15 * 60 * 1000L;

    /**
     * Threads of an engine's worker pool (chunk uploads and download prefetch). The pool is shared by every transfer
     * of a client; a transfer beyond it queues, it does not fail: enough for several uploads at the default
     * parallelism at once.
     */
    public static final int WORKER_THREADS = 32;

    private Defaults() {
    }
}
