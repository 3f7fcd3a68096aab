package io.github.camelanaplan.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import java.util.zip.Deflater;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelanaplan.client.transfer.GzipBlockLayout;
import io.github.camelanaplan.client.transfer.UploadOptions;
import io.github.camelanaplan.component.AnaplanConfiguration;
import io.github.camelanaplan.component.AnaplanConstants;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.JournalEntry;
import io.github.camelanaplan.simulator.PlanningCsv;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimModel;
import io.github.camelanaplan.simulator.SimTask;
import io.github.camelanaplan.simulator.SimulatorOptions;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Measures the component against the limits of the machine it runs on, in one run, as ratios: each line of the
 * report holds the measured value, a reference measured in the same run on the same machine, and their ratio, so a
 * busy or slow machine shifts both and the ratio still says how close the component comes to the limit.
 * <ol>
 * <li>Upload of generated planning CSV streamed from an {@code InputStream} through {@code anaplan:upload} into a
 * simulator in throughput mode, against the compression limit: the same bytes, cut the same way, gzipped at the same
 * level with JDK {@link Deflater} on all cores, no network.</li>
 * <li>The same upload with {@code uploadParallel=false}, against the parallel one.</li>
 * <li>Download through {@code anaplan:download} (lazy stream, read to the end) against a plain loopback HTTP read of
 * the same bytes from the same simulator.</li>
 * <li>Peak heap and RSS of upload and download in a forked JVM with {@code -Xmx128m}, at the size and twice it.</li>
 * <li>Task completion lag (2 s tasks) and status polls per minute (60 s tasks).</li>
 * <li>Small records through an aggregate → import route, against the same route without Anaplan.</li>
 * </ol>
 * Prints a Markdown table and writes it to {@code target/benchmark-report.md}. Run it with
 * {@code ./mvnw -Pbenchmark -pl camel-anaplan-benchmarks -am verify -DskipTests -Dbenchmark.size=1g}; system
 * properties: {@code benchmark.size} (e.g. {@code 20m}, {@code 1g}), {@code benchmark.report},
 * {@code benchmark.level}, {@code benchmark.parallelism}, {@code benchmark.chunkSize}, {@code benchmark.records}.
 */
public final class Benchmark {

    static final String DOWNLOAD_FILE = "113000000901";
    static final String DOWNLOAD_FILE_TWICE = "113000000902";
    static final String WARMUP_FILE = "113000000900";
    static final String RECORDS_FILE = "113000000950";
    static final String RECORDS_IMPORT = "112000000950";
    static final String RECORDS_TARGET = "Planning records";
    static final int DOWNLOAD_CHUNK = 10 * 1024 * 1024;
    static final String FORK_HEAP = "-Xmx128m";
    private static final int BUFFER = 64 * 1024;
    private static final double MB = 1_000_000.0;

    /** What to run. */
    record Settings(long size, boolean smoke, Path report, int compressionLevel, int parallelism, int chunkSize,
                    int records, int batch, Duration shortTask, int shortRuns, Duration longTask, int longRuns,
                    int repeats) {

        /** The full benchmark at {@code size} with the component's defaults unless overridden by properties. */
        static Settings full(long size) {
            AnaplanConfiguration defaults = new AnaplanConfiguration();
            int parallelism = defaults.getUploadParallelism() > 0 ? defaults.getUploadParallelism()
                    : UploadOptions.defaultParallelism();
            return new Settings(size, false, Path.of("target", "benchmark-report.md"),
                    Integer.getInteger("benchmark.level", defaults.getCompressionLevel()),
                    Integer.getInteger("benchmark.parallelism", parallelism),
                    Integer.getInteger("benchmark.chunkSize", Math.toIntExact(defaults.getUploadChunkSize())),
                    Integer.getInteger("benchmark.records", 1_000_000), 100_000, Duration.ofSeconds(2), 5,
                    Duration.ofSeconds(60), 2, 3);
        }

        /** A quick run for the test phase: 20 MB transfers, short tasks, 20,000 records. */
        static Settings smoke(Path report) {
            Settings full = full(20_000_000);
            return new Settings(full.size, true, report, full.compressionLevel, full.parallelism,
                    Math.min(full.chunkSize, 4_000_000), 20_000, 5_000, Duration.ofMillis(700), 1, Duration.ofSeconds(2), 1,
                    1);
        }

        Settings withReport(Path path) {
            return new Settings(size, smoke, path, compressionLevel, parallelism, chunkSize, records, batch, shortTask,
                    shortRuns, longTask, longRuns, repeats);
        }

        String uploadOptions() {
            return "&compressionLevel=" + compressionLevel + "&uploadParallelism=" + parallelism + "&uploadChunkSize="
                   + chunkSize;
        }
    }

    /** One line of the report; {@code pass} is null where the issue sets no target. */
    record Line(String name, String measured, String reference, String ratio, String target, Boolean pass) {
    }

    /** What a run found: the report's lines, whether every transfer arrived intact, and the Markdown written. */
    record Result(List<Line> lines, List<String> checks, boolean intact, String markdown, Path report) {

        boolean allTargetsMet() {
            return lines.stream().allMatch(l -> l.pass == null || l.pass);
        }
    }

    private final Settings settings;
    private final List<Line> lines = new ArrayList<>();
    private final List<String> context = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private boolean intact = true;
    private AnaplanSimulator fastSim;
    private AnaplanSimulator storeSim;
    private CamelContext fastCamel;
    private CamelContext storeCamel;
    private ProducerTemplate fast;
    private ProducerTemplate store;

    private Benchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        String size = args.length > 0 ? args[0] : System.getProperty("benchmark.size", "1g");
        Settings settings = size.equalsIgnoreCase("smoke") ? Settings.smoke(Path.of("target", "benchmark-report.md"))
                : Settings.full(parseSize(size));
        String report = System.getProperty("benchmark.report");
        if (report != null && !report.isBlank()) {
            settings = settings.withReport(Path.of(report));
        }
        Result result = run(settings);
        System.out.println(result.markdown());
        System.out.println("Report written to " + result.report().toAbsolutePath());
        System.exit(result.intact() ? 0 : 2);
    }

    /** Runs every measurement, writes the report and returns what was found. */
    static Result run(Settings settings) throws Exception {
        return new Benchmark(settings).runAll();
    }

    /** {@code -Dbenchmark.only=upload,download} runs only those parts (levels, upload, download, memory, sizes, lag, records). */
    private static boolean selected(String part) {
        String only = System.getProperty("benchmark.only", "").trim();
        return only.isEmpty() || java.util.Arrays.asList(only.split("\\s*,\\s*")).contains(part);
    }

    private Result runAll() throws Exception {
        String loadBefore = loadAverage();
        Instant began = Instant.now();
        fastSim = AnaplanSimulator.start(SimulatorOptions.defaults().throughputMode(true));
        storeSim = AnaplanSimulator.start(SimulatorOptions.defaults());
        try {
            fastCamel = camel(fastSim);
            storeCamel = camel(storeSim);
            fast = fastCamel.createProducerTemplate();
            store = storeCamel.createProducerTemplate();
            if (selected("levels")) {
                log("generator and compression levels");
                compressionLevels();
            }
            if (selected("upload")) {
                log("upload");
                uploads();
            }
            if (selected("download")) {
                log("download");
                downloads();
            }
            if (selected("memory")) {
                log("forked JVMs");
                forkedMemory();
            }
            if (selected("sizes")) {
                log("the sizes users move, fresh JVMs with the defaults");
                commonSizes(settings.smoke() ? 2 : 3);
            }
            if (selected("lag")) {
                log("task completion lag");
                taskLag();
            }
            if (selected("records")) {
                log("small records");
                smallRecords();
            }
        } finally {
            stopQuietly(fastCamel);
            stopQuietly(storeCamel);
            fastSim.close();
            storeSim.close();
        }
        String markdown = markdown(began, loadBefore, loadAverage());
        Path report = settings.report();
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        Files.writeString(report, markdown, StandardCharsets.UTF_8);
        return new Result(List.copyOf(lines), List.copyOf(checks), intact, markdown, report);
    }

    // ------------------------------------------------------------------------------------------------ 1 and 2: upload

    private void uploads() throws Exception {
        long size = settings.size();
        int level = settings.compressionLevel();
        // warm up the JIT on both paths, then interleave reference and component so both see the same noise
        long warmup = Math.min(size, 32L << 20);
        compressOnAllCores(warmup, level, settings.chunkSize());
        upload(warmup, level, true);
        Compressed limit = null;
        UploadRun parallel = null;
        UploadRun sequential = null;
        for (int i = 0; i < settings.repeats(); i++) {
            limit = best(limit, compressOnAllCores(size, level, settings.chunkSize()));
            parallel = best(parallel, upload(size, level, true));
            sequential = best(sequential, upload(size, level, false));
        }
        String best = settings.repeats() > 1 ? " (best of " + settings.repeats() + ")" : "";
        double ratio = parallel.mbPerSecond() / limit.mbPerSecond();
        lines.add(new Line("1. Upload " + human(size) + " via `anaplan:upload`, level " + level + ", " + settings.parallelism()
                           + " in flight" + best, mbps(parallel.mbPerSecond()),
                "compression limit: JDK Deflater level " + level + " on " + cores() + " cores, no network: "
                + mbps(limit.mbPerSecond()), ratio(ratio), "≥ 0.85", ratio >= 0.85));
        context.add(String.format(Locale.ROOT, "CPU per GB uploaded (whole process, simulator included): %.2f s parallel, %.2f s"
                                               + " sequential, %.2f s for the compression limit: %.2f× the limit's CPU",
                parallel.cpuSecondsPerGb(), sequential.cpuSecondsPerGb(), limit.cpuSecondsPerGb(),
                parallel.cpuSecondsPerGb() / limit.cpuSecondsPerGb()));
        double seqRatio = sequential.mbPerSecond() / parallel.mbPerSecond();
        lines.add(new Line("2. Upload " + human(size) + ", `uploadParallel=false`" + best, mbps(sequential.mbPerSecond()),
                "parallel upload (line 1): " + mbps(parallel.mbPerSecond()), ratio(seqRatio),
                "clearly below parallel (≤ 0.80)", seqRatio <= 0.80));
        check("upload: " + parallel.chunks() + " chunks, " + parallel.wireBytes() + " gzipped bytes received by the simulator",
                parallel.wireBytes() == limit.compressedBytes() && parallel.chunks() == limit.chunks(),
                "the same " + limit.chunks() + " chunks and " + limit.compressedBytes() + " bytes as the reference compressed");
        check("sequential upload: " + sequential.wireBytes() + " gzipped bytes received",
                sequential.wireBytes() == limit.compressedBytes(), "the same bytes as the reference compressed");
        if (!settings.smoke()) {
            // the other end of the trade-off: level 1 against its own limit
            Compressed fastLimit = compressOnAllCores(size, 1, settings.chunkSize());
            UploadRun fastUpload = upload(size, 1, true);
            context.add(String.format(Locale.ROOT, "Upload at level 1 (%d in flight): %s against a level-1 compression limit"
                                                   + " of %s: ratio %.2f; %.1f%% of the bytes on the wire",
                    settings.parallelism(), mbps(fastUpload.mbPerSecond()), mbps(fastLimit.mbPerSecond()),
                    fastUpload.mbPerSecond() / fastLimit.mbPerSecond(), 100.0 * fastUpload.wireBytes() / size));
        }
        // content: the throughput simulator only counts, so the same content goes once through a storing one
        long sample = Math.min(size, 64L << 20);
        Exchange stored = store.request("anaplan:upload?fileId=" + Seed.FILE_ID + settings.uploadOptions(),
                e -> e.getMessage().setBody(new PlanningCsv(sample)));
        rethrow(stored);
        byte[] content = storeSim.tenant().model(Seed.MODEL_ID).fileContent(Seed.FILE_ID);
        check("upload content (" + human(sample) + " through a storing simulator) decompresses to the generated bytes",
                content != null && PlanningCsv.sha256(content).equals(PlanningCsv.sha256(sample)), "SHA-256 equal");
    }

    private record UploadRun(long bytes, int chunks, long wireBytes, long nanos, long cpuNanos) implements Rate {
    }

    private UploadRun upload(long size, int level, boolean parallel) throws Exception {
        String uri = "anaplan:upload?fileId=" + Seed.FILE_ID + "&compressionLevel=" + level + "&uploadParallelism="
                     + settings.parallelism() + "&uploadChunkSize=" + settings.chunkSize() + "&uploadParallel=" + parallel;
        long began = System.nanoTime();
        long cpu = cpuNanos();
        Exchange done = fast.request(uri, e -> e.getMessage().setBody(new PlanningCsv(size)));
        long nanos = System.nanoTime() - began;
        rethrow(done);
        SimModel model = fastSim.tenant().model(Seed.MODEL_ID);
        return new UploadRun(size, model.chunksReceived(Seed.FILE_ID), model.bytesReceived(Seed.FILE_ID), nanos, cpuNanos() - cpu);
    }

    record Compressed(long bytes, int chunks, long compressedBytes, long nanos, long cpuNanos) implements Rate {
    }

    /**
     * The compression limit: reads the generator into chunk buffers on this thread, cut after the last line feed as
     * the component cuts streams, and gzips them (raw deflate in the component's block layout, CRC-32, header and
     * trailer sizes) one chunk per thread, one thread per core. Nothing is sent anywhere.
     */
    static Compressed compressOnAllCores(long size, int level, int chunkSize) throws Exception {
        int threads = cores();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(threads + 1);
        for (int i = 0; i <= threads; i++) {
            free.add(new byte[chunkSize]);
        }
        ThreadLocal<Deflater> deflaters = ThreadLocal.withInitial(() -> new Deflater(level, true));
        ThreadLocal<byte[]> outputs = ThreadLocal.withInitial(() -> new byte[chunkSize + chunkSize / 1000 + 64]);
        AtomicLong compressed = new AtomicLong();
        List<Future<?>> pending = new ArrayList<>();
        int chunks = 0;
        long began = System.nanoTime();
        long cpu = cpuNanos();
        try (PlanningCsv in = new PlanningCsv(size)) {
            byte[] carry = new byte[0];
            long read = 0;
            while (true) {
                byte[] buffer = free.take();
                int fill = carry.length;
                System.arraycopy(carry, 0, buffer, 0, fill);
                int n;
                while (fill < chunkSize && (n = in.read(buffer, fill, chunkSize - fill)) > 0) {
                    fill += n;
                    read += n;
                }
                if (fill == 0) {
                    break;
                }
                int length = fill;
                if (read < size) {
                    for (int i = fill - 1; i >= 0; i--) {
                        if (buffer[i] == '\n') {
                            length = i + 1;
                            break;
                        }
                    }
                }
                carry = java.util.Arrays.copyOfRange(buffer, length, fill);
                int chunkLength = length;
                chunks++;
                pending.add(pool.submit(() -> {
                    CRC32 crc = new CRC32();
                    crc.update(buffer, 0, chunkLength);
                    long total = deflateAsTheComponent(deflaters.get(), buffer, chunkLength, level, outputs.get());
                    compressed.addAndGet(total + 18); // gzip header (10) and trailer (8)
                    free.add(buffer);
                    return crc.getValue();
                }));
                if (read == size && carry.length == 0) {
                    break;
                }
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Compressed(size, chunks, compressed.get(), System.nanoTime() - began, cpuNanos() - cpu);
    }

    /**
     * Raw deflate of one chunk as the component lays it out, here all on one thread: one stream, or (from two blocks
     * up) blocks each primed with the 32 KiB before it and ended with a sync flush, the last one finished.
     */
    private static long deflateAsTheComponent(Deflater deflater, byte[] data, int length, int level, byte[] out) {
        if (!GzipBlockLayout.inBlocks(length, level)) {
            deflater.reset();
            deflater.setInput(data, 0, length);
            deflater.finish();
            long total = 0;
            while (!deflater.finished()) {
                total += deflater.deflate(out, 0, out.length);
            }
            return total;
        }
        long total = 0;
        for (int start = 0; start < length; start += GzipBlockLayout.BLOCK_SIZE) {
            int end = Math.min(length, start + GzipBlockLayout.BLOCK_SIZE);
            deflater.reset();
            if (start > 0) {
                deflater.setDictionary(data, start - GzipBlockLayout.DICTIONARY_SIZE, GzipBlockLayout.DICTIONARY_SIZE);
            }
            deflater.setInput(data, start, end - start);
            if (end == length) {
                deflater.finish();
                while (!deflater.finished()) {
                    total += deflater.deflate(out, 0, out.length);
                }
            } else {
                int n;
                do {
                    n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
                    total += n;
                } while (n == out.length);
            }
        }
        return total;
    }

    /** Every level (1, 6 and 9 in bold) on a sample, one thread: what each costs in CPU and saves on the wire. */
    private void compressionLevels() throws Exception {
        long sample = Math.min(settings.size(), 64L << 20);
        byte[] data = new byte[(int) sample];
        long began = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try (PlanningCsv in = new PlanningCsv(sample)) {
            int at = 0;
            while (at < data.length) {
                at += in.read(data, at, data.length - at);
            }
        }
        double generatorMbps = sample / MB
                               / ((java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - began) / 1e9);
        context.add(String.format(Locale.ROOT, "Data generator alone: %s per CPU-second (rows like `%s`)", mbps(generatorMbps),
                PlanningCsv.row(12_345).trim()));
        int chunk = Math.min(settings.chunkSize(), data.length);
        StringBuilder table = new StringBuilder();
        table.append("| Level | Gzipped size | Bytes on the wire per GiB | Compression per CPU-second | CPU-bound upload limit on ")
                .append(cores()).append(" cores |\n|---|---|---|---|---|\n");
        double[] ratios = new double[10];
        double[] rates = new double[10];
        for (int level = 1; level <= 9; level++) {
            deflate(data, chunk, level); // warm-up
            // CPU time of this thread, not wall time: what a core does per second, however busy the machine is
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long t = threads.getCurrentThreadCpuTime();
            long out = deflate(data, chunk, level);
            double seconds = (threads.getCurrentThreadCpuTime() - t) / 1e9;
            ratios[level] = (double) out / data.length;
            rates[level] = data.length / MB / seconds;
            table.append(String.format(Locale.ROOT, level == 1 || level == 6 || level == 9 ? "| **%d** | %.1f%% | %.0f MB | %s | %s |%n"
                    : "| %d | %.1f%% | %.0f MB | %s | %s |%n", level, 100 * ratios[level],
                    ratios[level] * (1L << 30) / MB, mbps(rates[level]), mbps(rates[level] * cores())));
        }
        double crossover = rates[6] * cores() * ratios[1];
        table.append(String.format(Locale.ROOT, "%nMeasured on a %s sample of the generated CSV. Level 1 uploads faster than"
                                                + " level 6 only where the link carries more than about **%.0f MB/s (%.0f Mbit/s)** of"
                                                + " gzipped bytes (level 6's CPU limit × level 1's size); below that the link is the"
                                                + " limit and level 6 sends %.0f%% fewer bytes. Level 9 costs %.1f× the CPU of level 6"
                                                + " for %.1f%% fewer bytes.%n", human(sample), crossover, crossover * 8,
                100 * (1 - ratios[6] / ratios[1]), rates[6] / rates[9], 100 * (1 - ratios[9] / ratios[6])));
        levelsTable = table.toString();
    }

    private String levelsTable = "";

    private static long deflate(byte[] data, int chunk, int level) {
        Deflater deflater = new Deflater(level, true);
        byte[] out = new byte[chunk + chunk / 1000 + 64];
        long total = 0;
        try {
            for (int at = 0; at < data.length; at += chunk) {
                int length = Math.min(chunk, data.length - at);
                deflater.reset();
                deflater.setInput(data, at, length);
                deflater.finish();
                while (!deflater.finished()) {
                    total += deflater.deflate(out, 0, out.length);
                }
                total += 18;
            }
        } finally {
            deflater.end();
        }
        return total;
    }

    // ------------------------------------------------------------------------------------------------ 3: download

    private void downloads() throws Exception {
        long size = settings.size();
        SimModel model = storeSim.tenant().model(Seed.MODEL_ID);
        model.addSyntheticFile(DOWNLOAD_FILE, "benchmark-download.csv", size, DOWNLOAD_CHUNK);
        model.addSyntheticFile(WARMUP_FILE, "benchmark-warmup.csv", Math.min(size, 32L << 20), DOWNLOAD_CHUNK);
        String token = token(storeSim);
        plainRead(storeSim, token, WARMUP_FILE, -1);
        download(WARMUP_FILE);
        Transfer plain = null;
        Transfer component = null;
        Transfer chunked = null;
        for (int i = 0; i < settings.repeats(); i++) {
            plain = best(plain, plainRead(storeSim, token, DOWNLOAD_FILE, -1));
            component = best(component, download(DOWNLOAD_FILE));
            chunked = best(chunked, plainRead(storeSim, token, DOWNLOAD_FILE, model.fileChunkCount(DOWNLOAD_FILE)));
        }
        context.add(String.format(Locale.ROOT, "Plain sequential GETs of the same %s chunks, one after the other: %s (%.2f of the"
                                               + " whole-file read); the component reaches %.2f of that", human(DOWNLOAD_CHUNK),
                mbps(chunked.mbPerSecond()), chunked.mbPerSecond() / plain.mbPerSecond(),
                component.mbPerSecond() / chunked.mbPerSecond()));
        check("plain chunked read: " + chunked.bytes() + " bytes", chunked.crc() == plain.crc(), "the same CRC-32C as the"
                                                                                                 + " whole-file read");
        downloadCrc = component.crc();
        context.add(String.format(Locale.ROOT, "CPU per GB downloaded (whole process, simulator included): %.2f s through the"
                                               + " component, %.2f s for the plain read: %.2f×", component.cpuSecondsPerGb(),
                plain.cpuSecondsPerGb(), component.cpuSecondsPerGb() / plain.cpuSecondsPerGb()));
        double ratio = component.mbPerSecond() / plain.mbPerSecond();
        String best = settings.repeats() > 1 ? " (best of " + settings.repeats() + ")" : "";
        lines.add(new Line("3. Download " + human(size) + " via `anaplan:download`, lazy stream read to the end" + best,
                mbps(component.mbPerSecond()), "plain loopback HTTP GET of the same bytes from the same simulator: "
                                               + mbps(plain.mbPerSecond()), ratio(ratio), "≥ 0.80", ratio >= 0.80));
        check("download: " + component.bytes() + " bytes read through the component", component.bytes() == size
                                                                                         && component.crc() == plain.crc(),
                "the same length and CRC-32C as the plain read");
        if (settings.smoke()) {
            check("download content equals the simulator's generated file",
                    sha256Of(DOWNLOAD_FILE).equals(model.syntheticFileSha256(DOWNLOAD_FILE)), "SHA-256 equal");
        }
    }

    private Long downloadCrc;

    private record Transfer(long bytes, long crc, long nanos, long cpuNanos) implements Rate {
    }

    private Transfer download(String fileId) throws IOException {
        CRC32C crc = new CRC32C();
        long began = System.nanoTime();
        long cpu = cpuNanos();
        long bytes;
        try (InputStream in = store.requestBody("anaplan:download?fileId=" + fileId, null, InputStream.class)) {
            bytes = drain(in, crc);
        }
        return new Transfer(bytes, crc.getValue(), System.nanoTime() - began, cpuNanos() - cpu);
    }

    private String sha256Of(String fileId) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        try (InputStream in = store.requestBody("anaplan:download?fileId=" + fileId, null, InputStream.class)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The plainest read over loopback: one GET of the whole file (chunks &lt; 0), or one GET per chunk one after the
     * other; a 64 KB buffer, no threads.
     */
    private static Transfer plainRead(AnaplanSimulator sim, String token, String fileId, int chunks) throws IOException {
        String fileUrl = sim.apiUrl() + "/workspaces/" + Seed.WORKSPACE_ID + "/models/" + Seed.MODEL_ID + "/files/"
                         + fileId;
        CRC32C crc = new CRC32C();
        long began = System.nanoTime();
        long cpu = cpuNanos();
        long bytes = 0;
        for (int i = chunks < 0 ? -1 : 0; i < chunks || i == -1; i++) {
            URI uri = URI.create(i < 0 ? fileUrl : fileUrl + "/chunks/" + i);
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setRequestProperty("Authorization", "AnaplanAuthToken " + token);
            connection.setRequestProperty("Accept", "application/octet-stream");
            try (InputStream in = connection.getInputStream()) {
                bytes += drain(in, crc);
            }
            if (i < 0) {
                break;
            }
        }
        return new Transfer(bytes, crc.getValue(), System.nanoTime() - began, cpuNanos() - cpu);
    }

    /** Logs in with the seeded basic credentials, as any client would, for the plain read. */
    private static String token(AnaplanSimulator sim) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(sim.authUrl() + "/token/authenticate").toURL()
                .openConnection();
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((Seed.USERNAME + ":" + Seed.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        connection.setDoOutput(true);
        connection.getOutputStream().close();
        try (InputStream in = connection.getInputStream()) {
            JsonNode answer = new ObjectMapper().readTree(in);
            return answer.path("tokenInfo").path("tokenValue").asText();
        } finally {
            connection.disconnect();
        }
    }

    /** Reads to the end through a 64 KB buffer, updating the checksum; returns the bytes read. */
    static long drain(InputStream in, Checksum checksum) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            checksum.update(buffer, 0, n);
            total += n;
        }
        return total;
    }

    // ------------------------------------------------------------------------------------------------ 4: memory

    /** What a forked JVM did: its runs, the first one cold, and its memory. */
    private record Forked(boolean ok, List<ForkRun> runs, double peakHeapMb, double liveHeapMb, int maxHeapMb, double rssMb,
                          String output) {

        long bytes() {
            return runs.isEmpty() ? 0 : runs.get(0).bytes();
        }

        long crc() {
            return runs.isEmpty() ? 0 : runs.get(0).crc();
        }
    }

    /** One transfer in a forked JVM; {@code startNanos} on the system-wide monotonic clock. */
    private record ForkRun(long startNanos, long millis, long bytes, long crc) {

        double mbPerSecond() {
            return bytes / MB / (millis / 1000.0);
        }
    }

    private void forkedMemory() throws Exception {
        long size = settings.size();
        SimModel model = storeSim.tenant().model(Seed.MODEL_ID);
        if (downloadCrc == null) {
            model.addSyntheticFile(DOWNLOAD_FILE, "benchmark-download.csv", size, DOWNLOAD_CHUNK);
        }
        model.addSyntheticFile(DOWNLOAD_FILE_TWICE, "benchmark-download-2.csv", 2 * size, DOWNLOAD_CHUNK);
        Forked up1 = fork("upload", size, Seed.FILE_ID, fastSim);
        long up1Wire = fastSim.tenant().model(Seed.MODEL_ID).bytesReceived(Seed.FILE_ID);
        Forked up2 = fork("upload", 2 * size, Seed.FILE_ID, fastSim);
        long up2Wire = fastSim.tenant().model(Seed.MODEL_ID).bytesReceived(Seed.FILE_ID);
        Forked down1 = fork("download", size, DOWNLOAD_FILE, storeSim);
        Forked down2 = fork("download", 2 * size, DOWNLOAD_FILE_TWICE, storeSim);
        memoryLines("upload", size, up1, up2);
        memoryLines("download", size, down1, down2);
        check("forked uploads: " + up1Wire + " and " + up2Wire + " gzipped bytes received", up1.ok() && up2.ok()
                                                                                              && up1Wire > 0 && up2Wire > up1Wire,
                "both children finished and the second sent more");
        check("forked downloads: " + down1.bytes() + " and " + down2.bytes() + " bytes read",
                down1.ok() && down2.ok() && down1.bytes() == size && down2.bytes() == 2 * size
                && (downloadCrc == null || down1.crc() == downloadCrc),
                "full length, and the first with the CRC-32C of line 3 when it ran");
    }

    private void memoryLines(String op, long size, Forked once, Forked twice) {
        String n = op.equals("upload") ? "4a" : "4b";
        lines.add(new Line(n + ". Peak heap / RSS, " + human(size) + " " + op + ", forked JVM `" + FORK_HEAP + "`",
                memory(once), "heap limit: " + once.maxHeapMb() + " MB", ratio(once.peakHeapMb() / once.maxHeapMb()),
                "completes under " + FORK_HEAP, once.ok()));
        double growth = once.ok() ? twice.peakHeapMb() / once.peakHeapMb() : Double.NaN;
        lines.add(new Line(n + ". Peak heap / RSS, " + human(2 * size) + " " + op + ", forked JVM `" + FORK_HEAP + "`",
                memory(twice), "the " + human(size) + " " + op + ": " + memory(once), ratio(growth)
                                                                                         + String.format(Locale.ROOT, " (RSS %.2f)", twice.rssMb() / once.rssMb()),
                "completes under the same " + FORK_HEAP, twice.ok()));
    }

    private static String memory(Forked f) {
        if (!f.ok()) {
            return "**failed** (" + f.output().lines().filter(l -> l.contains("Exception")).findFirst().orElse("no output")
                   + ")";
        }
        return String.format(Locale.ROOT, "%.0f MB heap, %.0f MB RSS", f.peakHeapMb(), f.rssMb());
    }

    private Forked fork(String op, long size, String fileId, AnaplanSimulator sim) throws Exception {
        return fork(op, size, fileId, sim, FORK_HEAP, 1, op.equals("upload") ? settings.uploadOptions() : "");
    }

    private static Forked fork(String op, long size, String fileId, AnaplanSimulator sim, String heap, int runs,
                               String options) throws Exception {
        return fork(op, size, fileId, sim, heap, runs, options, null);
    }

    /** @param uploadFile the file an upload sends (a {@code File} body), or null for the generated stream */
    private static Forked fork(String op, long size, String fileId, AnaplanSimulator sim, String heap, int runs,
                               String options, Path uploadFile) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, heap));
        if (uploadFile != null) {
            command.add("-D" + ForkedTransfer.UPLOAD_FILE + "=" + uploadFile);
        }
        // diagnostics only, e.g. -Dbenchmark.forkJvmArgs=-Xlog:gc (space-separated)
        String extra = System.getProperty("benchmark.forkJvmArgs", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ForkedTransfer.class.getName(), op,
                String.valueOf(size), fileId, sim.apiUrl(), sim.authUrl(), sim.oauthUrl(), String.valueOf(runs), options));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        // read while it runs, so a chatty child never blocks on a full pipe
        Future<String> output = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fork-output");
            t.setDaemon(true);
            return t;
        }).submit(() -> new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        boolean finished = child.waitFor(120 + runs * size / 5_000_000, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        String text = output.get(1, TimeUnit.MINUTES);
        String result = text.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElse(null);
        if (Boolean.getBoolean("benchmark.verbose")) {
            System.err.println("fork " + op + " " + human(size) + ": " + text.lines().filter(l -> l.startsWith("R") || l.startsWith("["))
                    .collect(Collectors.joining(" | ")));
        }
        List<ForkRun> done = text.lines().filter(l -> l.startsWith("RUN ")).map(l -> new ForkRun(field(l, "startNanos"),
                field(l, "millis"), field(l, "bytes"), field(l, "crc"))).toList();
        if (!finished || child.exitValue() != 0 || result == null || done.size() != runs) {
            System.err.println("Forked " + op + " of " + size + " bytes failed:\n" + text);
            return new Forked(false, done, 0, 0, 0, 0, finished ? text : "timed out");
        }
        return new Forked(true, done, Double.parseDouble(value(result, "peakHeapMb")),
                Double.parseDouble(value(result, "liveHeapMb")), (int) field(result, "maxHeapMb"),
                Double.parseDouble(value(result, "rssPeakMb")), text);
    }

    private static String value(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new IllegalArgumentException("no " + key + " in " + line);
    }

    private static long field(String line, String key) {
        return Long.parseLong(value(line, key));
    }

    // ------------------------------------------------------------------------------------------------ 7: the sizes users move

    /** Heap of the forks that measure the sizes users move: the bound the component promises RSS stays under. */
    static final String DEFAULTS_HEAP = "-Xmx256m";
    static final double RSS_LIMIT_MB = 256;
    static final double FIRST_CHUNK_LIMIT_SECONDS = 0.5;

    /** Sizes of line 7: the common loads and the run's size; smoke mode only the smallest. */
    private List<Long> commonSizes() {
        List<Long> sizes = new ArrayList<>(List.of(10_000_000L));
        if (!settings.smoke()) {
            sizes.add(100_000_000L);
            // the run's size only when it is not 100 MB again (100m and 100 MiB would be the same row twice)
            if (settings.size() > 110_000_000L) {
                sizes.add(settings.size());
            }
        }
        return sizes;
    }

    /**
     * Uploads and downloads at the sizes users really move, each in a fresh JVM with {@code -Xmx256m} and the
     * component's defaults (no options): the first exchange cold, then the best of the warm ones, against the limit
     * measured in this run (best of two, one before and one after the fork), with the peak RSS of the fork.
     */
    private void commonSizes(int runs) throws Exception {
        AnaplanConfiguration defaults = new AnaplanConfiguration();
        int level = defaults.getCompressionLevel();
        int chunk = Math.toIntExact(defaults.getUploadChunkSize());
        String chunkPut = ".*/files/" + Seed.FILE_ID + "/chunks/\\d+";
        SimModel storeModel = storeSim.tenant().model(Seed.MODEL_ID);
        String token = token(storeSim);
        for (long size : commonSizes()) {
            Compressed limit = compressOnAllCores(size, level, chunk);
            // a file body, as routes from the file: component send: the common case of a 10-200 MB load
            Path csv = Files.createTempFile("benchmark-upload-", ".csv");
            Forked up;
            try {
                try (InputStream generated = new PlanningCsv(size)) {
                    Files.copy(generated, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                fastSim.journal().clear();
                up = fork("upload", size, Seed.FILE_ID, fastSim, DEFAULTS_HEAP, runs, "", csv);
            } finally {
                Files.deleteIfExists(csv);
            }
            List<JournalEntry> puts = fastSim.journal().matching("PUT", chunkPut);
            if (up.ok()) {
                context.add("Cold upload of " + human(size) + ", requests until the first chunk (seconds after the exchange"
                            + " was sent): " + requestsUntilFirstChunk(fastSim.journal().entries(), up.runs().get(0), chunkPut));
            }
            int inFlight = fastSim.journal().maxConcurrency(chunkPut);
            limit = best(limit, compressOnAllCores(size, level, chunk));
            uploadLine(size, level, chunk, up, puts, inFlight, limit);

            String fileId = String.valueOf(113_000_000_910L + commonSizes().indexOf(size));
            storeModel.addSyntheticFile(fileId, "benchmark-" + size + ".csv", size, DOWNLOAD_CHUNK);
            Transfer plain = plainRead(storeSim, token, fileId, -1);
            Forked down = fork("download", size, fileId, storeSim, DEFAULTS_HEAP, runs, "");
            plain = best(plain, plainRead(storeSim, token, fileId, -1));
            downloadLine(size, down, plain);
        }
    }

    private void uploadLine(long size, int level, int chunk, Forked up, List<JournalEntry> puts, int inFlight,
                            Compressed limit) {
        String name = "7. Upload " + human(size) + " from a file, defaults (level " + level + ", " + human(chunk) + " chunks), fresh JVM `"
                      + DEFAULTS_HEAP + "`: cold = first exchange, warm = best of the rest";
        if (!up.ok()) {
            lines.add(new Line(name, memory(up), "", "", "", false));
            return;
        }
        ForkRun cold = up.runs().get(0);
        double warm = up.runs().stream().skip(1).mapToDouble(ForkRun::mbPerSecond).max().orElse(cold.mbPerSecond());
        // the first chunk request the simulator received after the cold exchange was sent
        double firstChunk = puts.stream().mapToLong(JournalEntry::startNanos).filter(t -> t >= cold.startNanos()).min()
                                    .stream().mapToDouble(t -> (t - cold.startNanos()) / 1e9).findFirst().orElse(Double.NaN);
        double coldRatio = cold.mbPerSecond() / limit.mbPerSecond();
        double warmRatio = warm / limit.mbPerSecond();
        boolean big = size >= 100_000_000L;
        boolean pass = up.rssMb() <= RSS_LIMIT_MB && firstChunk <= FIRST_CHUNK_LIMIT_SECONDS
                       && (!big || (coldRatio >= 0.85 && warmRatio >= 0.85 && inFlight >= 2));
        lines.add(new Line(name, String.format(Locale.ROOT, "cold %s, first chunk on the wire after %.2f s; warm %s; %d chunk"
                                                            + " requests in flight at most; peak RSS %.0f MB",
                mbps(cold.mbPerSecond()), firstChunk, mbps(warm), inFlight, up.rssMb()),
                "compression limit, level " + level + " on " + cores() + " cores: " + mbps(limit.mbPerSecond()),
                "cold " + ratio(coldRatio) + ", warm " + ratio(warmRatio),
                (big ? "≥ 0.85 cold and warm, ≥ 2 in flight, " : "") + "first chunk ≤ " + FIRST_CHUNK_LIMIT_SECONDS
                + " s, RSS ≤ " + (int) RSS_LIMIT_MB + " MB", pass));
        check("upload of " + human(size) + " in a fresh JVM: " + puts.size() + " chunk requests for " + up.runs().size() + " runs",
                puts.size() == limit.chunks() * up.runs().size(), limit.chunks() + " chunks per run, as the reference cut");
    }

    /** The requests of the cold run up to and including its first chunk, with when each reached the simulator. */
    private static String requestsUntilFirstChunk(List<JournalEntry> entries, ForkRun cold, String chunkPut) {
        StringBuilder out = new StringBuilder();
        for (JournalEntry e : entries) {
            if (e.startNanos() < cold.startNanos()) {
                continue;
            }
            String path = e.path().replaceAll("/workspaces/[^/]+/models/[^/]+", "/…");
            out.append(String.format(Locale.ROOT, "%s`%s %s` %.3f", out.length() == 0 ? "" : ", ", e.method(), path,
                    (e.startNanos() - cold.startNanos()) / 1e9));
            if (e.method().equals("PUT") && e.path().matches(chunkPut)) {
                break;
            }
        }
        return out.toString();
    }

    private void downloadLine(long size, Forked down, Transfer plain) {
        String name = "7. Download " + human(size) + ", defaults, fresh JVM `" + DEFAULTS_HEAP
                      + "`: cold = first exchange, warm = best of the rest";
        if (!down.ok()) {
            lines.add(new Line(name, memory(down), "", "", "", false));
            return;
        }
        ForkRun cold = down.runs().get(0);
        double warm = down.runs().stream().skip(1).mapToDouble(ForkRun::mbPerSecond).max().orElse(cold.mbPerSecond());
        double coldRatio = cold.mbPerSecond() / plain.mbPerSecond();
        double warmRatio = warm / plain.mbPerSecond();
        boolean big = size >= 100_000_000L;
        boolean pass = down.rssMb() <= RSS_LIMIT_MB && (!big || (coldRatio >= 0.80 && warmRatio >= 0.80));
        lines.add(new Line(name, String.format(Locale.ROOT, "cold %s; warm %s; peak RSS %.0f MB", mbps(cold.mbPerSecond()),
                mbps(warm), down.rssMb()), "plain loopback GET of the same bytes: " + mbps(plain.mbPerSecond()),
                "cold " + ratio(coldRatio) + ", warm " + ratio(warmRatio),
                (big ? "≥ 0.80 cold and warm, " : "") + "RSS ≤ " + (int) RSS_LIMIT_MB + " MB", pass));
        check("download of " + human(size) + " in a fresh JVM", down.runs().stream().allMatch(r -> r.bytes() == size
                                                                                              && r.crc() == plain.crc()),
                "every run read " + size + " bytes with the plain read's CRC-32C");
    }

    // ------------------------------------------------------------------------------------------------ 5: task lag

    private void taskLag() throws Exception {
        SimModel model = storeSim.tenant().model(Seed.MODEL_ID);
        AnaplanConfiguration defaults = new AnaplanConfiguration();
        List<TaskRun> shortRuns = new ArrayList<>();
        model.setTaskDuration(Seed.ACTION_ID, settings.shortTask());
        for (int i = 0; i < settings.shortRuns(); i++) {
            shortRuns.add(runTask(model));
        }
        // a model runs one task at a time, as Anaplan does: the long tasks run side by side in the two seeded models
        List<String> models = List.of(Seed.MODEL_ID, Seed.MODEL2_ID);
        ExecutorService callers = Executors.newFixedThreadPool(settings.longRuns());
        List<Future<TaskRun>> longFutures = new ArrayList<>();
        try {
            for (int i = 0; i < settings.longRuns(); i++) {
                String modelId = models.get(i % models.size());
                SimModel longModel = storeSim.tenant().model(modelId);
                longModel.setTaskDuration(Seed.ACTION_ID, settings.longTask());
                longFutures.add(callers.submit(() -> runTask(longModel)));
            }
            List<TaskRun> longRuns = new ArrayList<>();
            for (Future<TaskRun> f : longFutures) {
                longRuns.add(f.get());
            }
            double shortLag = median(shortRuns.stream().mapToDouble(TaskRun::lagSeconds).toArray());
            double shortDuration = median(shortRuns.stream().mapToDouble(TaskRun::durationSeconds).toArray());
            lines.add(new Line(String.format(Locale.ROOT, "5a. Task completion lag, %s tasks (median of %d)",
                    seconds(settings.shortTask()), shortRuns.size()), String.format(Locale.ROOT, "%.3f s", shortLag),
                    String.format(Locale.ROOT, "the task's own duration in the simulator: %.2f s", shortDuration),
                    ratio(shortLag / shortDuration), "≤ 0.5 s", shortLag <= 0.5));
            double polls = median(longRuns.stream().mapToDouble(TaskRun::pollsPerMinute).toArray());
            double longLag = median(longRuns.stream().mapToDouble(TaskRun::lagSeconds).toArray());
            double fixed = 60_000.0 / defaults.getStatusPollDelay();
            lines.add(new Line(String.format(Locale.ROOT, "5b. Status polls per minute, %s tasks (median of %d)",
                    seconds(settings.longTask()), longRuns.size()), String.format(Locale.ROOT, "%.1f /min (lag %.2f s)", polls,
                    longLag), String.format(Locale.ROOT, "fixed polling every statusPollDelay (%d ms): %.0f /min",
                    defaults.getStatusPollDelay(), fixed), ratio(polls / fixed), "≤ 12 /min", polls <= 12));
            check("tasks: every producer returned a COMPLETE task", shortRuns.stream().allMatch(TaskRun::complete)
                                                                  && longRuns.stream().allMatch(TaskRun::complete), "yes");
        } finally {
            callers.shutdownNow();
        }
    }

    private record TaskRun(double lagSeconds, double durationSeconds, double pollsPerMinute, boolean complete) {
    }

    private TaskRun runTask(SimModel model) {
        long began = System.nanoTime();
        Exchange done = store.request("anaplan:action?actionId=" + Seed.ACTION_ID + "&modelId=" + model.id(), e -> { });
        long returned = System.nanoTime();
        String taskId = done.getMessage().getHeader(AnaplanConstants.TASK_ID, String.class);
        SimTask task = model.tasks(Seed.ACTION_ID).stream().filter(t -> t.taskId().equals(taskId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no task " + taskId + " in the simulator"));
        int polls = storeSim.journal().count("GET", ".*/tasks/" + taskId);
        double minutes = (returned - began) / 60e9;
        double duration = (task.completedAtNanos() - began) / 1e9;
        return new TaskRun((returned - task.completedAtNanos()) / 1e9, duration, polls / minutes,
                done.getException() == null && task.state() == io.github.camelanaplan.simulator.TaskState.COMPLETE);
    }

    // ------------------------------------------------------------------------------------------------ 6: small records

    private void smallRecords() throws Exception {
        SimModel model = storeSim.tenant().model(Seed.MODEL_ID);
        model.addFile(RECORDS_FILE, "planning-records.csv");
        model.addImport(RECORDS_IMPORT, "Planning records", RECORDS_FILE, RECORDS_TARGET, "MODULE_DATA");
        AtomicLong processed = new AtomicLong();
        AtomicLong referenceBytes = new AtomicLong();
        java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger referenceBatches = new java.util.concurrent.atomic.AtomicInteger();
        int batch = settings.batch();
        storeCamel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:records").routeId("records")
                        .aggregate(constant(true), new CsvBatch()).completionSize(batch)
                        .to("anaplan:import?actionId=" + RECORDS_IMPORT)
                        .process(e -> {
                            processed.addAndGet(e.getMessage().getHeader(AnaplanConstants.ROWS_PROCESSED, 0L, Long.class));
                            batches.incrementAndGet();
                        });
                from("direct:reference").routeId("records-reference")
                        .aggregate(constant(true), new CsvBatch()).completionSize(batch)
                        .process(e -> {
                            referenceBytes.addAndGet(e.getMessage().getBody(String.class).length());
                            referenceBatches.incrementAndGet();
                        });
            }
        });
        int records = settings.records();
        String[] rows = new String[1000];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = PlanningCsv.row(i);
        }
        int expectedBatches = (records + batch - 1) / batch;
        long referenceNanos = feed("direct:reference", records, rows, referenceBatches, expectedBatches);
        int startsBefore = model.taskStarts(RECORDS_IMPORT);
        long nanos = feed("direct:records", records, rows, batches, expectedBatches);
        int tasks = model.taskStarts(RECORDS_IMPORT) - startsBefore;
        double rate = records / (nanos / 1e9);
        double referenceRate = records / (referenceNanos / 1e9);
        lines.add(new Line(String.format(Locale.ROOT, "6. %,d records of ~%d bytes: aggregate (%,d) → `anaplan:import`",
                records, rows[0].length(), batch), String.format(Locale.ROOT, "%,.0f records/s, %d tasks started", rate, tasks),
                String.format(Locale.ROOT, "the same route without Anaplan: %,.0f records/s", referenceRate),
                ratio(rate / referenceRate), "—", null));
        check("small records: " + processed.get() + " rows processed by " + tasks + " imports",
                processed.get() == records && tasks == expectedBatches, "every record imported once");
    }

    /** Sends the records one message each (the last one closes its batch); returns when every batch went through. */
    private long feed(String uri, int records, String[] rows, java.util.concurrent.atomic.AtomicInteger done, int batches)
            throws InterruptedException {
        long began = System.nanoTime();
        for (int i = 0; i < records; i++) {
            if (i == records - 1) {
                store.sendBodyAndHeader(uri, rows[i % rows.length], Exchange.AGGREGATION_COMPLETE_CURRENT_GROUP, true);
            } else {
                store.sendBody(uri, rows[i % rows.length]);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (done.get() < batches && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return System.nanoTime() - began;
    }

    /** Joins records into one CSV body with a header row. */
    private static final class CsvBatch implements AggregationStrategy {
        @Override
        public Exchange aggregate(Exchange batch, Exchange record) {
            String row = record.getMessage().getBody(String.class);
            if (batch == null) {
                StringBuilder csv = new StringBuilder(PlanningCsv.HEADER).append(row);
                record.getMessage().setBody(csv);
                return record;
            }
            batch.getMessage().getBody(StringBuilder.class).append(row);
            return batch;
        }

        @Override
        public void onCompletion(Exchange batch) {
            batch.getMessage().setBody(batch.getMessage().getBody(StringBuilder.class).toString());
        }
    }

    // ------------------------------------------------------------------------------------------------ report

    private String markdown(Instant began, String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append("# camel-anaplan benchmark").append(settings.smoke() ? " (smoke)" : "").append("\n\n");
        md.append(String.format(Locale.ROOT, "%s, %s run, %s; %d cores, Java %s; load average %s before, %s after.%n%n",
                began.truncatedTo(ChronoUnit.SECONDS), Duration.between(began, Instant.now()).truncatedTo(ChronoUnit.SECONDS)
                        .toString().substring(2).toLowerCase(Locale.ROOT), settings.smoke() ? "smoke mode" : "full",
                cores(), System.getProperty("java.version"), loadBefore, loadAfter));
        md.append(String.format(Locale.ROOT, "Upload settings: `uploadChunkSize=%d`, `compressionLevel=%d`, "
                                             + "`uploadParallelism=%d`. Download chunks of %s, `downloadPrefetch` default. "
                                             + "`maxRequestsPerMinute=0`: the request rate limit is a policy, not a machine limit.%n%n",
                settings.chunkSize(), settings.compressionLevel(), settings.parallelism(), human(DOWNLOAD_CHUNK)));
        if (settings.smoke()) {
            md.append("Smoke mode: 20 MB and second-long tasks are too small for the targets to mean anything; it checks that"
                      + " the report is produced and the content arrives intact. The targets are for the full run.\n\n");
        }
        md.append("| Measurement | Measured | Reference (same run) | Ratio | Target | Result |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Line l : lines) {
            md.append("| ").append(l.name()).append(" | ").append(l.measured()).append(" | ").append(l.reference())
                    .append(" | ").append(l.ratio()).append(" | ").append(l.target()).append(" | ")
                    .append(l.pass() == null ? "—" : l.pass() ? "PASS" : "**MISS**").append(" |\n");
        }
        md.append("\n## Compression levels\n\n").append(levelsTable);
        if (!context.isEmpty()) {
            md.append("\n## Context\n\n");
            context.forEach(c -> md.append("- ").append(c).append('\n'));
        }
        md.append("\n## Content checks\n\n");
        checks.forEach(c -> md.append("- ").append(c).append('\n'));
        md.append("\nContent ").append(intact ? "arrived intact in every transfer." : "**did not arrive intact**: see above.")
                .append(' ').append(lines.stream().allMatch(l -> l.pass() == null || l.pass()) ? "All targets met."
                        : "Targets missed: " + lines.stream().filter(l -> Boolean.FALSE.equals(l.pass())).map(
                                l -> l.name().substring(0, l.name().indexOf('.'))).toList() + ".").append('\n');
        return md.toString();
    }

    private void check(String what, boolean ok, String expectation) {
        checks.add((ok ? "OK: " : "**FAILED**: ") + what + " (" + expectation + ")");
        intact &= ok;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    interface Rate {
        long bytes();

        long nanos();

        /** CPU time of this whole process (component, simulator and reference alike) during the run. */
        long cpuNanos();

        default double mbPerSecond() {
            return bytes() / MB / (nanos() / 1e9);
        }

        /** CPU seconds per GB moved: what the run cost the machine, whatever share of it the run was given. */
        default double cpuSecondsPerGb() {
            return cpuNanos() / 1e9 / (bytes() / 1e9);
        }
    }

    static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static <T extends Rate> T best(T current, T candidate) {
        return current == null || candidate.mbPerSecond() > current.mbPerSecond() ? candidate : current;
    }

    private static CamelContext camel(AnaplanSimulator sim) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addComponent("anaplan", BenchmarkComponent.pointedAt(sim.apiUrl(), sim.authUrl(), sim.oauthUrl()));
        context.start();
        return context;
    }

    private static void stopQuietly(CamelContext context) {
        if (context != null) {
            context.stop();
        }
    }

    private static void rethrow(Exchange exchange) throws Exception {
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static long parseSize(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("g")) {
            unit = 1L << 30;
        } else if (t.endsWith("m")) {
            unit = 1L << 20;
        } else if (t.endsWith("k")) {
            unit = 1L << 10;
        }
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        return (long) (Double.parseDouble(digits) * unit);
    }

    static String human(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 28) == 0) {
            return trim(bytes / (double) (1L << 30)) + " GiB";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 18) == 0) {
            return trim(bytes / (double) (1L << 20)) + " MiB";
        }
        return trim(bytes / MB) + " MB";
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String mbps(double value) {
        return String.format(Locale.ROOT, "%.0f MB/s", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + "/" + parts[1];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static void log(String step) {
        System.err.println("[benchmark] " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + step);
    }
}
