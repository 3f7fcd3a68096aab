package io.github.camelanaplan.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of an {@link AnaplanSimulator}. Fluent: every setter returns a modified copy, so a shared
 * instance (for example {@link #defaults()}) is never changed behind anybody's back.
 */
public final class SimulatorOptions implements Cloneable {

    private int port;
    private Path seed;
    private Duration tokenTtl = Duration.ofMinutes(35);
    private Duration taskDuration = Duration.ofMillis(300);
    private int maxPageSize = 5000;
    private boolean omitEmptyCollections = true;
    private boolean strict;
    private long spillThresholdBytes = 64L * 1024 * 1024;
    private int authenticateStatus = 201;
    private boolean refreshRotatesToken;
    private RefreshTokenField refreshTokenField = RefreshTokenField.NONE;
    private TaskStartShape taskStartShape = TaskStartShape.FULL;
    private int cancelStatus = 200;
    private boolean placeholderChunks = true;
    private boolean processDumpUnchunked = true;
    private boolean certV2TimestampMillis;
    private boolean certV2SignatureCoversTimestamp = true;
    private boolean acceptCertV1 = true;
    private Duration certV2MaxSkew = Duration.ofMinutes(5);
    private boolean unauthorizedEnvelope = true;
    private boolean rejectTaskWhenModelRunning;
    private long maxChunkBytes = 50L * 1024 * 1024;
    private int maxChunks = 1000;
    private int dumpChunkSize = 10 * 1024 * 1024;
    private int fileChunkSize = 10 * 1024 * 1024;
    private int maxCellsPerWrite = 100_000;
    private boolean totalsSelectionSdkKeys;
    private boolean almRevisionsPluralOnCreate;
    private boolean almCreationTimeIso;
    private int threads = 128;
    private boolean https;
    private boolean throughputMode;
    private int rateLimitPerMinute;
    private int readRequestPageRows = 1000;
    private java.util.List<Lie> lies = java.util.List.of();

    private SimulatorOptions() {
    }

    /** The default options: random free port, default seed, 35 min tokens, 300 ms tasks. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions();
    }

    private SimulatorOptions copy() {
        try {
            return (SimulatorOptions) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Port to listen on; 0 (default) picks a free one. */
    public SimulatorOptions port(int port) {
        SimulatorOptions c = copy();
        c.port = port;
        return c;
    }

    /** A seed JSON file (see src-docs/simulator.md) loaded instead of the default seed. */
    public SimulatorOptions seed(Path seed) {
        SimulatorOptions c = copy();
        c.seed = seed;
        return c;
    }

    /** Lifetime of auth tokens (default 35 minutes). */
    public SimulatorOptions tokenTtl(Duration ttl) {
        SimulatorOptions c = copy();
        c.tokenTtl = Objects.requireNonNull(ttl);
        return c;
    }

    /** Time a task takes from NOT_STARTED to COMPLETE (default 300 ms). */
    public SimulatorOptions taskDuration(Duration d) {
        SimulatorOptions c = copy();
        c.taskDuration = Objects.requireNonNull(d);
        return c;
    }

    /** Largest page a list endpoint returns (default 5000). */
    public SimulatorOptions maxPageSize(int n) {
        SimulatorOptions c = copy();
        c.maxPageSize = n;
        return c;
    }

    /** Omit empty collection keys ({@code tasks}, {@code chunks}, ...) as live Anaplan does (default true). */
    public SimulatorOptions omitEmptyCollections(boolean b) {
        SimulatorOptions c = copy();
        c.omitEmptyCollections = b;
        return c;
    }

    /** Strict mode: protocol misuse is answered 400 and recorded in {@link AnaplanSimulator#strictViolations()}. */
    public SimulatorOptions strict(boolean b) {
        SimulatorOptions c = copy();
        c.strict = b;
        return c;
    }

    /** File content above this size is kept in a temp file (default 64 MB). */
    public SimulatorOptions spillThresholdBytes(long n) {
        SimulatorOptions c = copy();
        c.spillThresholdBytes = n;
        return c;
    }

    /** HTTP status of a successful {@code /token/authenticate}: 201 (live, default) or 200 (docs). */
    public SimulatorOptions authenticateStatus(int status) {
        if (status != 200 && status != 201) {
            throw new IllegalArgumentException("authenticateStatus must be 200 or 201");
        }
        SimulatorOptions c = copy();
        c.authenticateStatus = status;
        return c;
    }

    /** Whether {@code /token/refresh} issues a new tokenValue (default false: same value, longer expiry). */
    public SimulatorOptions refreshRotatesToken(boolean b) {
        SimulatorOptions c = copy();
        c.refreshRotatesToken = b;
        return c;
    }

    /** Where the optional {@code refreshToken} field of the auth response goes (default: not sent). */
    public SimulatorOptions refreshTokenField(RefreshTokenField f) {
        SimulatorOptions c = copy();
        c.refreshTokenField = Objects.requireNonNull(f);
        return c;
    }

    /** Shape of the task start response (default FULL). */
    public SimulatorOptions taskStartShape(TaskStartShape s) {
        SimulatorOptions c = copy();
        c.taskStartShape = Objects.requireNonNull(s);
        return c;
    }

    /** Status of a task cancel (DELETE): 200 with the CANCELLING task (default) or 204 without body. */
    public SimulatorOptions cancelStatus(int status) {
        if (status != 200 && status != 204) {
            throw new IllegalArgumentException("cancelStatus must be 200 or 204");
        }
        SimulatorOptions c = copy();
        c.cancelStatus = status;
        return c;
    }

    /** After POST {@code chunkCount: N}, whether the chunk list shows N placeholder chunks before upload (default true). */
    public SimulatorOptions placeholderChunks(boolean b) {
        SimulatorOptions c = copy();
        c.placeholderChunks = b;
        return c;
    }

    /** Whether the unchunked process dump {@code .../dumps/{objectId}} is served (default true). */
    public SimulatorOptions processDumpUnchunked(boolean b) {
        SimulatorOptions c = copy();
        c.processDumpUnchunked = b;
        return c;
    }

    /** Cert auth v2: read the 8-byte prefix as epoch milliseconds instead of seconds (default false). */
    public SimulatorOptions certV2TimestampMillis(boolean b) {
        SimulatorOptions c = copy();
        c.certV2TimestampMillis = b;
        return c;
    }

    /** Cert auth v2: signature over the whole prefixed data (default true) or only over the random bytes. */
    public SimulatorOptions certV2SignatureCoversTimestamp(boolean b) {
        SimulatorOptions c = copy();
        c.certV2SignatureCoversTimestamp = b;
        return c;
    }

    /** Whether the v1 (untimestamped) cert payload is still accepted (default true). */
    public SimulatorOptions acceptCertV1(boolean b) {
        SimulatorOptions c = copy();
        c.acceptCertV1 = b;
        return c;
    }

    /** Largest accepted clock difference of a v2 cert payload (default 5 minutes). */
    public SimulatorOptions certV2MaxSkew(Duration d) {
        SimulatorOptions c = copy();
        c.certV2MaxSkew = Objects.requireNonNull(d);
        return c;
    }

    /** 401 on API paths with the §2.4 error envelope (default true) or with an empty body. */
    public SimulatorOptions unauthorizedEnvelope(boolean b) {
        SimulatorOptions c = copy();
        c.unauthorizedEnvelope = b;
        return c;
    }

    /** Answer 409 to a task start while another task of the model runs, instead of queueing (default false). */
    public SimulatorOptions rejectTaskWhenModelRunning(boolean b) {
        SimulatorOptions c = copy();
        c.rejectTaskWhenModelRunning = b;
        return c;
    }

    /** Largest uncompressed chunk (default 50 MiB). */
    public SimulatorOptions maxChunkBytes(long n) {
        SimulatorOptions c = copy();
        c.maxChunkBytes = n;
        return c;
    }

    /** Most chunks per file (default 1000). */
    public SimulatorOptions maxChunks(int n) {
        SimulatorOptions c = copy();
        c.maxChunks = n;
        return c;
    }

    /** Size of dump chunks (default 10 MB). */
    public SimulatorOptions dumpChunkSize(int n) {
        SimulatorOptions c = copy();
        c.dumpChunkSize = n;
        return c;
    }

    /** Size of the chunks content written by exports or {@code putFileContent} is cut into (default 10 MB). */
    public SimulatorOptions fileChunkSize(int n) {
        SimulatorOptions c = copy();
        c.fileChunkSize = n;
        return c;
    }

    /** Most cells per transactional cell write (default 100,000; 1,000 per Apiary). */
    public SimulatorOptions maxCellsPerWrite(int n) {
        SimulatorOptions c = copy();
        c.maxCellsPerWrite = n;
        return c;
    }

    /** modelCalendar totalsSelection keys as in the SDK ({@code quarterTotals}) instead of OAS ({@code isQuarterTotals}). */
    public SimulatorOptions totalsSelectionSdkKeys(boolean b) {
        SimulatorOptions c = copy();
        c.totalsSelectionSdkKeys = b;
        return c;
    }

    /** ALM create revision answers {@code revisions[]} (OAS) instead of {@code revision} (Apiary/SDK, default). */
    public SimulatorOptions almRevisionsPluralOnCreate(boolean b) {
        SimulatorOptions c = copy();
        c.almRevisionsPluralOnCreate = b;
        return c;
    }

    /** ALM task {@code creationTime} as ISO date-time string (OAS) instead of epoch ms (default). */
    public SimulatorOptions almCreationTimeIso(boolean b) {
        SimulatorOptions c = copy();
        c.almCreationTimeIso = b;
        return c;
    }

    /** Server worker threads (default 128, at least 64). */
    public SimulatorOptions threads(int n) {
        SimulatorOptions c = copy();
        c.threads = Math.max(64, n);
        return c;
    }

    /** Serve TLS with a self-signed certificate generated at start. */
    public SimulatorOptions https(boolean b) {
        SimulatorOptions c = copy();
        c.https = b;
        return c;
    }

    /** Throughput mode: chunk uploads are counted, not stored; synthetic files stream generated content. */
    public SimulatorOptions throughputMode(boolean b) {
        SimulatorOptions c = copy();
        c.throughputMode = b;
        return c;
    }

    /** Answer 429 with Retry-After when more requests than this arrive per minute on API paths (0 = off, default). */
    public SimulatorOptions rateLimitPerMinute(int n) {
        SimulatorOptions c = copy();
        c.rateLimitPerMinute = n;
        return c;
    }

    /** Data rows per page of a transactional read request (default 1000). */
    public SimulatorOptions readRequestPageRows(int n) {
        SimulatorOptions c = copy();
        c.readRequestPageRows = Math.max(1, n);
        return c;
    }

    /** Lies installed at start (each simulator gets fresh copies, so counts are never shared); see {@link Lie}. */
    public SimulatorOptions lies(Lie... l) {
        SimulatorOptions c = copy();
        java.util.List<Lie> all = new java.util.ArrayList<>(lies);
        for (Lie x : l) {
            all.add(x.copy());
        }
        c.lies = java.util.List.copyOf(all);
        return c;
    }

    /** Shorthand for {@code lies(Lie.on("*", "/2/0/.*").always().corrupt(seed, probability))}: Integration API JSON only. */
    public SimulatorOptions corruptJson(long seed, double probability) {
        return lies(Lie.on("*", "/2/0/.*").always().corrupt(seed, probability).named("corrupt seed " + seed));
    }

    public java.util.List<Lie> lies() { return lies; }
    public int readRequestPageRows() { return readRequestPageRows; }
    public int port() { return port; }
    public Path seed() { return seed; }
    public Duration tokenTtl() { return tokenTtl; }
    public Duration taskDuration() { return taskDuration; }
    public int maxPageSize() { return maxPageSize; }
    public boolean omitEmptyCollections() { return omitEmptyCollections; }
    public boolean strict() { return strict; }
    public long spillThresholdBytes() { return spillThresholdBytes; }
    public int authenticateStatus() { return authenticateStatus; }
    public boolean refreshRotatesToken() { return refreshRotatesToken; }
    public RefreshTokenField refreshTokenField() { return refreshTokenField; }
    public TaskStartShape taskStartShape() { return taskStartShape; }
    public int cancelStatus() { return cancelStatus; }
    public boolean placeholderChunks() { return placeholderChunks; }
    public boolean processDumpUnchunked() { return processDumpUnchunked; }
    public boolean certV2TimestampMillis() { return certV2TimestampMillis; }
    public boolean certV2SignatureCoversTimestamp() { return certV2SignatureCoversTimestamp; }
    public boolean acceptCertV1() { return acceptCertV1; }
    public Duration certV2MaxSkew() { return certV2MaxSkew; }
    public boolean unauthorizedEnvelope() { return unauthorizedEnvelope; }
    public boolean rejectTaskWhenModelRunning() { return rejectTaskWhenModelRunning; }
    public long maxChunkBytes() { return maxChunkBytes; }
    public int maxChunks() { return maxChunks; }
    public int dumpChunkSize() { return dumpChunkSize; }
    public int fileChunkSize() { return fileChunkSize; }
    public int maxCellsPerWrite() { return maxCellsPerWrite; }
    public boolean totalsSelectionSdkKeys() { return totalsSelectionSdkKeys; }
    public boolean almRevisionsPluralOnCreate() { return almRevisionsPluralOnCreate; }
    public boolean almCreationTimeIso() { return almCreationTimeIso; }
    public int threads() { return threads; }
    public boolean https() { return https; }
    public boolean throughputMode() { return throughputMode; }
    public int rateLimitPerMinute() { return rateLimitPerMinute; }
}
