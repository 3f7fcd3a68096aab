package io.github.camelanaplan.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.camelanaplan.simulator.PlanningCsv;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Transfers through the component in a JVM of its own, started by {@link Benchmark} with a small heap: the simulator
 * lives in the parent, so this JVM's heap and RSS are the component's (and Camel's) alone. The first run is the cold
 * one: the first exchange of a fresh JVM and Camel context, sent to a started route {@code direct:transfer → anaplan:…}. For each run it prints
 * {@code RUN n startNanos=… millis=… bytes=… crc=…}, where {@code startNanos} is {@link System#nanoTime()} as the
 * exchange is sent (on Linux the JVM reads the system-wide monotonic clock, so the parent can compare it with the times
 * the simulator received requests); at the end {@code RESULT peakHeapMb=… liveHeapMb=… maxHeapMb=… rssPeakMb=…}: the
 * peak is the most heap used at any moment (just before a collection, or sampled), the live figure the most left after
 * a collection. Exits non-zero when a transfer fails or a download comes short.
 * <p>
 * Arguments: {@code upload|download size fileId apiUrl authUrl oauthUrl runs endpointOptions} (the options are
 * appended to the endpoint URI as they are, e.g. {@code &compressionLevel=6}; empty for the defaults).
 */
public final class ForkedTransfer {

    /** System property naming the file an upload sends as a {@code File} body; unset: the generated CSV stream. */
    static final String UPLOAD_FILE = "forked.uploadFile";

    private static final AtomicLong PEAK = new AtomicLong();
    private static final AtomicLong LIVE = new AtomicLong();

    private ForkedTransfer() {
    }

    public static void main(String[] args) throws Exception {
        watchHeap();
        String op = args[0];
        long size = Long.parseLong(args[1]);
        String fileId = args[2];
        int runs = Integer.parseInt(args[6]);
        String options = args.length > 7 ? args[7] : "";
        CamelContext context = new DefaultCamelContext();
        context.addComponent("anaplan", BenchmarkComponent.pointedAt(args[3], args[4], args[5]));
        // a route, as users have: its endpoint and engine start with the context, not on the first exchange
        String uri = "anaplan:" + op + "?fileId=" + fileId + options;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // stream caching (on by default) would read the whole upload stream into the heap first
                from("direct:transfer").streamCache(false).to(uri);
            }
        });
        context.start();
        String uploadFile = System.getProperty(UPLOAD_FILE);
        int exit = 0;
        try (ProducerTemplate template = context.createProducerTemplate()) {
            for (int run = 0; run < runs; run++) {
                long began = System.nanoTime();
                long bytes;
                long crc = 0;
                if (op.equals("upload")) {
                    Exchange done = template.request("direct:transfer",
                            e -> e.getMessage().setBody(uploadFile != null ? new java.io.File(uploadFile) : new PlanningCsv(size)));
                    if (done.getException() != null) {
                        throw done.getException();
                    }
                    bytes = size;
                } else {
                    CRC32C checksum = new CRC32C();
                    try (InputStream in = template.requestBody("direct:transfer", null,
                            InputStream.class)) {
                        bytes = Benchmark.drain(in, checksum);
                    }
                    crc = checksum.getValue();
                    if (bytes != size) {
                        exit = 3;
                    }
                }
                long millis = Math.max(1, (System.nanoTime() - began) / 1_000_000);
                System.out.printf("RUN %d startNanos=%d millis=%d bytes=%d crc=%d%n", run, began, millis, bytes, crc);
            }
            sampleHeap();
            System.out.printf("RESULT peakHeapMb=%.1f liveHeapMb=%.1f maxHeapMb=%d rssPeakMb=%.1f heapCommittedMb=%.1f"
                              + " nonHeapCommittedMb=%.1f threads=%d%n",
                    PEAK.get() / 1048576.0, LIVE.get() / 1048576.0, Runtime.getRuntime().maxMemory() >> 20,
                    rssPeakKb() / 1024.0, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1048576.0,
                    ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getCommitted() / 1048576.0,
                    ManagementFactory.getThreadMXBean().getPeakThreadCount());
        } finally {
            context.stop();
        }
        System.exit(exit);
    }

    /** Peak heap: the largest of the heap used just before any GC and of samples every 5 ms in between. */
    private static void watchHeap() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                (CompositeData) notification.getUserData());
                        PEAK.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                        LIVE.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
                    }
                }, null, null);
            }
        }
        Thread sampler = new Thread(() -> {
            while (true) {
                sampleHeap();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static long heapUsed(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
            if (isHeapPool(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    private static boolean isHeapPool(String name) {
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals(name)) {
                return pool.getType() == java.lang.management.MemoryType.HEAP;
            }
        }
        return false;
    }

    private static void sampleHeap() {
        PEAK.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
    }

    /** VmHWM: the peak resident set size of this process, in kB (0 where /proc is not there). */
    static long rssPeakKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no RSS figure
        }
        return 0;
    }
}
