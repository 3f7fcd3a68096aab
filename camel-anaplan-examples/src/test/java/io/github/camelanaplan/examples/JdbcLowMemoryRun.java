package io.github.camelanaplan.examples;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import io.github.camelanaplan.component.AnaplanConstants;
import io.github.camelanaplan.examples.routes.JdbcToAnaplanRoute;
import io.github.camelanaplan.examples.support.Movements;
import io.github.camelanaplan.simulator.Seed;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The JDBC example alone, for a child JVM with a small heap: {@code <jdbc url> <auth url> <api url>}. Prints
 * {@code RESULT rows=… seconds=… peakHeapMb=… maxHeapMb=…} and exits 0 when the import succeeded.
 */
public final class JdbcLowMemoryRun {

    private JdbcLowMemoryRun() {
    }

    /** Records the most heap still in use right after a full garbage collection: the live set's high-water mark. */
    private static void listenToGcs(AtomicLong liveAfterGc, AtomicLong gcs) {
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                gcs.incrementAndGet();
                if (!info.getGcAction().contains("major")) {
                    // after a minor GC the old generation still holds its garbage: not a measure of what is live
                    return;
                }
                long used = 0;
                for (java.util.Map.Entry<String, MemoryUsage> u : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(u.getKey())) {
                        used += u.getValue().getUsed();
                    }
                }
                liveAfterGc.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }

    public static void main(String[] args) {
        int code = 1;
        try {
            code = run(args[0], args[1], args[2]);
        } catch (Throwable e) {
            e.printStackTrace(System.out);
        }
        System.exit(code);
    }

    static int run(String jdbcUrl, String authUrl, String apiUrl) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        // lazy: rows are read from the table as the ResultSet advances; a small page cache (KB)
        ds.setURL(jdbcUrl + ";LAZY_QUERY_EXECUTION=TRUE;CACHE_SIZE=4096");
        Main main = new Main();
        main.addOverrideProperty("camel.component.anaplan.authUrl", authUrl);
        main.addOverrideProperty("camel.component.anaplan.apiUrl", apiUrl);
        main.addOverrideProperty("camel.component.anaplan.username", Seed.USERNAME);
        main.addOverrideProperty("camel.component.anaplan.password", Seed.PASSWORD);
        main.addOverrideProperty("camel.component.anaplan.workspaceId", Seed.WORKSPACE_ID);
        main.addOverrideProperty("camel.component.anaplan.modelId", Seed.MODEL_ID);
        main.addOverrideProperty("camel.component.anaplan.statusPollDelay", "200");
        main.addOverrideProperty("camel.component.anaplan.uploadParallelism", "2");
        main.addOverrideProperty("anaplan.importId", Seed.IMPORT_ID);
        main.addOverrideProperty("anaplan.fileId", Seed.FILE_ID);
        // memory in flight is about chunk size x 2 plus the gzipped chunks in flight: 2 MB and a little here
        main.addOverrideProperty("examples.jdbc.uploadChunkSize", "1000000");
        main.bind("dataSource", ds);
        main.bind("movements", new Movements());
        main.configure().addRoutesBuilder(new JdbcToAnaplanRoute());
        main.start();
        try {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            AtomicLong liveAfterGc = new AtomicLong();
            AtomicLong gcs = new AtomicLong();
            listenToGcs(liveAfterGc, gcs);
            long t0 = System.nanoTime();
            Exchange out = main.getCamelContext().createFluentProducerTemplate().to("direct:jdbc-to-anaplan").send();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (out.getException() != null) {
                out.getException().printStackTrace(System.out);
                return 1;
            }
            long rows = out.getMessage().getHeader(AnaplanConstants.ROWS_PROCESSED, Long.class);
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(Locale.ROOT, "streamed %,d rows in %d chunks: %.1f s, %,.0f rows/s; heap: max %d MB, "
                                           + "highest use %d MB, highest use after a full GC %d MB (%d GCs)%n", rows,
                    out.getMessage().getHeader(AnaplanConstants.CHUNK_COUNT, Integer.class), seconds, rows / seconds,
                    Runtime.getRuntime().maxMemory() >> 20, peak >> 20, liveAfterGc.get() >> 20, gcs.get());
            System.out.printf(Locale.ROOT, "RESULT rows=%d seconds=%.1f peakHeapMb=%d maxHeapMb=%d liveAfterGcMb=%d%n",
                    rows, seconds, peak >> 20, Runtime.getRuntime().maxMemory() >> 20, liveAfterGc.get() >> 20);
            return 0;
        } finally {
            main.stop();
        }
    }
}
