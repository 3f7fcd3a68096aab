package io.github.camelanaplan.client.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import io.github.camelanaplan.simulator.PlanningCsv;

/**
 * Not a test (surefire runs {@code *Test} classes only): compares gzipping a 25,000,000-byte planning CSV chunk on
 * one thread, as the component did before {@link ParallelGzip}, with the block-parallel compressor, at the default
 * level. Prints MB/s for one chunk (its time is the time to the first compressed chunk) and for a 100 MB upload's
 * four chunks with two in flight. Run it from the component module after {@code test-compile}:
 * {@code java -cp target/test-classes:target/classes io.github.camelanaplan.client.transfer.ParallelGzipBenchmark}.
 */
public final class ParallelGzipBenchmark {

    private static final int CHUNK = UploadOptions.DEFAULT_CHUNK_SIZE;
    private static final int LEVEL = UploadOptions.DEFAULT_COMPRESSION_LEVEL;
    private static final int CHUNKS = 4;
    private static final int IN_FLIGHT = 2;
    private static final int REPEATS = Integer.getInteger("repeats", 5);

    private ParallelGzipBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        byte[] data = new byte[CHUNK * CHUNKS];
        try (PlanningCsv csv = new PlanningCsv(data.length)) {
            int at = 0;
            while (at < data.length) {
                at += csv.read(data, at, data.length - at);
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%d cores, level %d, %,d-byte chunks, load average before: %s%n", cores, LEVEL,
                CHUNK, loadAverage());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (ParallelGzip parallel = new ParallelGzip(LEVEL, pool, ParallelGzip.helpersForCores());
             ParallelGzip blocksAlone = new ParallelGzip(LEVEL, null, 0)) {
            List<Deflater> made = new java.util.concurrent.CopyOnWriteArrayList<>();
            ThreadLocal<Deflater> deflaters = ThreadLocal.withInitial(() -> {
                Deflater d = new Deflater(LEVEL, true);
                made.add(d);
                return d;
            });
            ThreadLocal<byte[]> outs = ThreadLocal.withInitial(() -> new byte[(int) ParallelGzip.bound(CHUNK)]);
            Compressor single = offset -> oneStream(deflaters.get(), data, offset, outs.get());
            Compressor alone = offset -> blocksAlone.compress(data, offset, CHUNK, null).size();
            Compressor both = offset -> parallel.compress(data, offset, CHUNK, null).size();

            long crc = best(() -> {
                CRC32 c = new CRC32();
                c.update(data, 0, CHUNK);
                return c.getValue();
            });
            System.out.printf(Locale.ROOT, "CRC-32 of one chunk alone: %.1f ms (%.0f MB/s)%n", crc / 1e6, mbps(CHUNK, crc));

            for (String name : new String[] {"one stream, one thread (before)", "blocks, calling thread only",
                    "blocks, caller + " + ParallelGzip.helpersForCores() + " helper(s)"}) {
                Compressor c = name.startsWith("one") ? single : name.contains("only") ? alone : both;
                int[] size = new int[1];
                long nanos = best(() -> {
                    Future<Integer> f = pool.submit(() -> c.compress(0));
                    size[0] = f.get();
                    return size[0];
                });
                long cpuBefore = cpuNanos();
                long upload = best(() -> upload(pool, c));
                double cpuPerChunk = (cpuNanos() - cpuBefore) / 1e6 / ((REPEATS + 1) * CHUNKS);
                System.out.printf(Locale.ROOT, "%-36s one chunk (first chunk ready): %6.0f ms, %5.1f MB/s, %.2f%% of raw;"
                                               + " %d chunks, %d in flight: %5.1f MB/s, %.0f CPU-ms per chunk%n", name,
                        nanos / 1e6, mbps(CHUNK, nanos), 100.0 * size[0] / CHUNK, CHUNKS, IN_FLIGHT,
                        mbps((long) CHUNK * CHUNKS, upload), cpuPerChunk);
            }
            made.forEach(Deflater::end);
        } finally {
            pool.shutdownNow();
        }
        System.out.println("load average after: " + loadAverage());
    }

    @FunctionalInterface
    private interface Compressor {
        int compress(int offset) throws Exception;
    }

    @FunctionalInterface
    private interface Run {
        Object run() throws Exception;
    }

    /** Four chunks, at most two compressing at once, each on a pool thread as ChunkUpload sends them. */
    private static Object upload(ExecutorService pool, Compressor c) throws Exception {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<Future<Integer>> all = new ArrayList<>();
        for (int i = 0; i < CHUNKS; i++) {
            int offset = i * CHUNK;
            inFlight.acquire();
            all.add(pool.submit(() -> {
                try {
                    return c.compress(offset);
                } finally {
                    inFlight.release();
                }
            }));
        }
        long total = 0;
        for (Future<Integer> f : all) {
            total += f.get();
        }
        return total;
    }

    /** Best wall time of a warm-up and {@link #REPEATS} runs. */
    private static long best(Run run) throws Exception {
        run.run();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < REPEATS; i++) {
            long began = System.nanoTime();
            run.run();
            best = Math.min(best, System.nanoTime() - began);
        }
        return best;
    }

    /** What GzipCompressor did before: CRC-32 and one deflate stream of the whole chunk on this thread. */
    private static int oneStream(Deflater deflater, byte[] data, int offset, byte[] out) {
        CRC32 crc = new CRC32();
        crc.update(data, offset, CHUNK);
        deflater.reset();
        deflater.setInput(data, offset, CHUNK);
        deflater.finish();
        int n = 0;
        while (!deflater.finished()) {
            n += deflater.deflate(out, n, out.length - n);
        }
        return n + 18;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double mbps(long bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
