package io.github.camelanaplan.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.camelanaplan.client.bulk.AnaplanFile;
import io.github.camelanaplan.simulator.Seed;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's threads come from Camel: named by the context's thread pattern, bounded, and gone when the context
 * stops. The pools here are as small as they go (one thread each), so a deadlock between work that waits and the
 * work it waits for would show.
 */
class WorkerPoolsTest extends AnaplanTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getExecutorServiceManager().registerThreadPoolProfile(profile(AnaplanComponent.WORKER_POOL, 1, -1));
        context.getExecutorServiceManager().registerThreadPoolProfile(profile(AnaplanComponent.OPERATION_POOL, 1, 0));
        return context;
    }

    private static ThreadPoolProfile profile(String id, int threads, int queue) {
        ThreadPoolProfile profile = new ThreadPoolProfile(id);
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(queue);
        profile.setKeepAliveTime(30L);
        profile.setTimeUnit(TimeUnit.SECONDS);
        return profile;
    }

    @Test
    void theEnginesThreadsAreNamedByCamelAndAreGoneOnceTheContextStops() throws Exception {
        String uri = "anaplan:upload?uploadParallelism=4&fileId=" + Seed.FILE_ID;
        String csv = employeesCsv(60_000); // about 3 MB: several chunks of 1,000,000 bytes
        AnaplanFile file = template.requestBody(uri, csv, AnaplanFile.class);
        assertThat(file.chunkCount()).isGreaterThan(1);

        String camelThread = "Camel (" + context.getName() + ") thread #";
        Set<String> names = liveThreadNames();
        assertThat(names).anyMatch(n -> n.startsWith(camelThread) && n.endsWith(" - " + AnaplanComponent.WORKER_POOL));
        assertThat(names).anyMatch(n -> n.startsWith(camelThread) && n.endsWith(" - " + AnaplanComponent.OPERATION_POOL));
        int clientId = context.getEndpoint(uri, AnaplanEndpoint.class).client().id();
        assertThat(names).noneMatch(n -> n.startsWith("anaplan-" + clientId + "-worker-")); // no pool of the engine's own

        context.stop();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(liveThreadNames())
                .noneMatch(n -> n.startsWith(camelThread) && n.contains(" - anaplan-")));
    }

    @Test
    void concurrentUploadsAndImportsFinishOnOneThreadPerPool() {
        List<CompletableFuture<Object>> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String csv = employeesCsv(30_000 + i);
            all.add(template.asyncRequestBody("anaplan:upload?uploadParallelism=3&fileId=" + Seed.FILE_ID, csv));
            all.add(template.asyncRequestBody("anaplan:import?uploadParallelism=3&actionId=" + Seed.IMPORT_ID, csv));
        }
        for (CompletableFuture<Object> each : all) {
            assertThat(each).succeedsWithin(Duration.ofSeconds(60)); // on failure, shows the exchange's exception
        }
    }

    private static Set<String> liveThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
