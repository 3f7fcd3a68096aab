package io.github.camelanaplan.component.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.component.AnaplanComponent;
import io.github.camelanaplan.component.AnaplanConfiguration;
import io.github.camelanaplan.component.SimulatedAnaplan;
import io.github.camelanaplan.component.AnaplanConstants;
import io.github.camelanaplan.component.EngineProbe;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.JournalEntry;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimModel;
import io.github.camelanaplan.simulator.SimTask;
import io.github.camelanaplan.simulator.SimulatorOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 50 exchanges at once uploading and importing into one model, and 50 spread over 5 models, through one shared
 * engine: every row arrives, the task runs of a model never overlap, and the engine's rate limiter keeps the request
 * rate under the configured {@code maxRequestsPerMinute} (checked in the simulator's journal, over sliding windows;
 * the simulator enforces the same tenant limit and would answer 429).
 */
class LoadTest {

    private static final int EXCHANGES = 50;
    private static final int ROWS = 200;
    /** The configured tenant limit: 15 requests a second, bursts of 90 (the 5-model run would go faster without). */
    private static final int LIMIT_PER_MINUTE = 900;
    private static final int BURST = LIMIT_PER_MINUTE / 10;

    private AnaplanSimulator sim;
    private CamelContext context;

    @BeforeEach
    void start() {
        // the simulator refuses (429) more than the tenant limit in any minute-window it counts
        sim = AnaplanSimulator.start(SimulatorOptions.defaults().taskDuration(Duration.ofMillis(30))
                .rateLimitPerMinute(LIMIT_PER_MINUTE + BURST));
        context = new DefaultCamelContext();
        AnaplanComponent component = SimulatedAnaplan.component(sim);
        AnaplanConfiguration c = component.getConfiguration();
        c.setModelId(null); // each exchange names its model
        c.setRetryBackoff(20);
        c.setStatusPollDelay(60);
        c.setMaxStatusPollDelay(200);
        c.setTaskTimeout(60_000);
        c.setMaxRequestsPerMinute(LIMIT_PER_MINUTE);
        context.addComponent("anaplan", component);
        context.start();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void fiftyConcurrentUploadAndImportsIntoOneModel() throws Exception {
        run(List.of(sim.tenant().model(Seed.MODEL_ID)));
    }

    @Test
    void fiftyConcurrentUploadAndImportsOverFiveModels() throws Exception {
        List<SimModel> models = new ArrayList<>();
        for (int m = 0; m < 5; m++) {
            String modelId = String.format("%032X", 0xA0000 + m);
            SimModel model = sim.tenant().addModel(Seed.WORKSPACE_ID, modelId, "Load model " + m, "UNLOCKED");
            model.addFile(Seed.FILE_ID, Seed.FILE_NAME);
            model.addImport(Seed.IMPORT_ID, Seed.IMPORT_NAME, Seed.FILE_ID, Seed.EMPLOYEES);
            models.add(model);
        }
        run(models);
    }

    private void run(List<SimModel> models) throws Exception {
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        ProducerTemplate template = context.createProducerTemplate();
        String uri = "anaplan:import?actionId=" + Seed.IMPORT_ID + "&fileId=" + Seed.FILE_ID;
        long start = System.nanoTime();
        List<Future<Exchange>> pending = new ArrayList<>();
        for (int i = 0; i < EXCHANGES; i++) {
            SimModel model = models.get(i % models.size());
            byte[] body = FaultHarness.csv(ROWS, "x" + i);
            pending.add(template.asyncSend(uri, e -> {
                e.getMessage().setHeader(AnaplanConstants.MODEL_ID, model.id());
                e.getMessage().setBody(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            }));
        }
        List<Exchange> done = new ArrayList<>();
        for (Future<Exchange> f : pending) {
            done.add(f.get(3, TimeUnit.MINUTES));
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        AnaplanClient client = EngineProbe.clients(context).get(0);
        assertThat(EngineProbe.clients(context)).as("one shared engine").hasSize(1);
        for (Exchange exchange : done) {
            assertThat(exchange.getException()).isNull();
        }

        // every row of every exchange arrived
        for (int m = 0; m < models.size(); m++) {
            Set<String> names = models.get(m).rows(Seed.EMPLOYEES).stream().map(r -> r.get(0)).collect(Collectors.toSet());
            Set<String> expected = new HashSet<>();
            for (int i = m; i < EXCHANGES; i += models.size()) {
                for (int r = 0; r < ROWS; r++) {
                    expected.add("Employee " + r + " x" + i);
                }
            }
            assertThat(names).as("rows of model " + models.get(m).id()).containsAll(expected);
        }

        // one task per exchange, none on a partial file, and the runs of one model never overlap
        int tasks = 0;
        for (SimModel model : models) {
            List<SimTask> runs = new ArrayList<>(model.tasks(Seed.IMPORT_ID));
            runs.sort(Comparator.comparingLong(SimTask::creationTime));
            tasks += runs.size();
            assertThat(runs).allMatch(SimTask::dataSourceCompleteAtStart);
            for (int i = 1; i < runs.size(); i++) {
                assertThat(runs.get(i).creationTime()).as("task " + i + " of model " + model.id() + " starts after the previous ended")
                        .isGreaterThanOrEqualTo(runs.get(i - 1).completedAtMillis());
            }
        }
        assertThat(tasks).isEqualTo(EXCHANGES);

        // the request rate stayed under the limit: over any window, at most the burst plus the rate times the window
        List<JournalEntry> journal = sim.journal().entries();
        List<Long> starts = journal.stream().map(JournalEntry::startNanos).sorted().collect(Collectors.toList());
        StringBuilder windows = new StringBuilder();
        for (long windowMillis : new long[] {1_000, 2_000, 5_000}) {
            int most = mostInWindow(starts, TimeUnit.MILLISECONDS.toNanos(windowMillis));
            long allowed = BURST + 1 + LIMIT_PER_MINUTE * (windowMillis + 200) / 60_000;
            windows.append(String.format(" %d ms: %d (allowed %d);", windowMillis, most, allowed));
            assertThat(most).as("requests in a " + windowMillis + " ms window").isLessThanOrEqualTo((int) allowed);
        }
        double seconds = (starts.get(starts.size() - 1) - starts.get(0)) / 1e9;
        // the bucket lets burst + 1 go at once, then one per interval; 200 ms of slack for the way to the server
        assertThat(starts.size()).as("requests over the whole run")
                .isLessThanOrEqualTo((int) (BURST + 1 + LIMIT_PER_MINUTE * (seconds + 0.2) / 60));
        assertThat(journal).as("the simulator never had to refuse a request").noneMatch(e -> e.status() == 429);
        assertThat(seconds).as("the limiter spread the requests beyond the burst at the limit's pace")
                .isGreaterThanOrEqualTo((starts.size() - BURST) * 60.0 / LIMIT_PER_MINUTE * 0.95);
        System.out.printf("Load over %d model(s): %d exchanges, %d rows each, %d tasks, %d requests in %d ms "
                          + "(%.1f/s; limit %d/min = %.0f/s, burst %d); most requests per window:%s retries %s%n",
                models.size(), EXCHANGES, ROWS, tasks, starts.size(), elapsedMillis, starts.size() / Math.max(0.001, seconds),
                LIMIT_PER_MINUTE, LIMIT_PER_MINUTE / 60.0, BURST, windows, client.stats().retriesByCause());

        context.stop();
        assertThat(client.isClosed()).isTrue();
        assertThat(FaultHarness.awaitEngineThreadsGone(threadsBefore, 3_000)).isEmpty();
    }

    static int mostInWindow(List<Long> sortedStarts, long windowNanos) {
        int most = 0;
        int first = 0;
        for (int last = 0; last < sortedStarts.size(); last++) {
            while (sortedStarts.get(last) - sortedStarts.get(first) >= windowNanos) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
