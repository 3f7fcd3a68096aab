package io.github.camelanaplan.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.camelanaplan.examples.routes.AlmPromotionRoute;
import io.github.camelanaplan.examples.support.Movements;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.FaultRule;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimulatorOptions;
import io.github.camelanaplan.simulator.SimModel;
import org.apache.camel.main.Main;
import org.apache.camel.spi.RouteController;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ALM example against the simulator's seed: the dev model {@code Seed.MODEL_ID} holds Release 1.0 and 1.1, the
 * prod model {@code Seed.MODEL2_ID} holds Release 1.0.
 */
class AlmPromotionRouteTest {

    private static final String DEV_POLL = ".*/models/" + Seed.MODEL_ID + "/alm/revisions";
    private static final String PROD_SYNC = ".*/models/" + Seed.MODEL2_ID + "/alm/syncTasks";

    /** Tasks of 50 ms instead of 300 (with the short status poll and first poll set below): a quicker test. */
    private static final SimulatorOptions FAST = SimulatorOptions.defaults().taskDuration(Duration.ofMillis(50));

    @TempDir
    Path state;

    @Test
    void promotesEachNewRevisionOfTheDevModelToTheProdModelOnce() throws Exception {
        try (AnaplanSimulator sim = AnaplanSimulator.start(FAST)) {
            SimModel dev = sim.tenant().model(Seed.MODEL_ID);
            SimModel prod = sim.tenant().model(Seed.MODEL2_ID);
            Map<String, String> properties = Map.of("examples.alm.devModelId", Seed.MODEL_ID,
                    "examples.alm.prodModelId", Seed.MODEL2_ID, "examples.alm.initialDelay", "10",
                    "examples.alm.delay", "100", "examples.state.folder", state.toString(),
                    "camel.component.anaplan.statusPollDelay", "25");

            Main main = ExampleHarness.start(sim, properties, Map.of(), new AlmPromotionRoute());
            try {
                // the first poll takes the revisions already there as its starting point: Release 1.1, tagged before
                // the route ever ran, is not promoted
                awaitPolls(sim, 2);
                assertThat(prod.revisionNames()).containsExactly("Release 1.0");
                assertThat(sim.journal().count("POST", PROD_SYNC)).isZero();

                dev.addRevision("Release 1.2", "Adds headcount planning");
                await().atMost(ExampleHarness.WAIT).until(() -> prod.revisionNames().contains("Release 1.2"));
                assertThat(sim.journal().count("POST", PROD_SYNC)).isEqualTo(1);
                Movements.Counters c = ExampleHarness.movements(main).counters("alm-promote");
                await().atMost(ExampleHarness.WAIT).until(() -> c.messages() == 1);
                assertThat(c.tasks()).isEqualTo(1);

                // a restart of the route promotes nothing again
                RouteController routes = main.getCamelContext().getRouteController();
                routes.stopRoute("alm-promote");
                routes.startRoute("alm-promote");
                awaitPolls(sim, 3);
                assertThat(sim.journal().count("POST", PROD_SYNC)).isEqualTo(1);

                // two revisions tagged while the route was stopped: the newer one is promoted, the older one skipped
                routes.stopRoute("alm-promote");
                long now = System.currentTimeMillis();
                dev.addRevision("00000000000000000000000000000013", "Release 1.3", "", now + 1000);
                dev.addRevision("00000000000000000000000000000014", "Release 1.4", "", now + 2000);
                routes.startRoute("alm-promote");
                await().atMost(ExampleHarness.WAIT).until(() -> prod.revisionNames().contains("Release 1.4"));
                awaitPolls(sim, 2);
                assertThat(prod.revisionNames()).containsExactly("Release 1.0", "Release 1.2", "Release 1.4");
                assertThat(sim.journal().count("POST", PROD_SYNC)).isEqualTo(2);
                assertThat(c.messages()).isEqualTo(2);
            } finally {
                main.stop();
            }
            assertThat(state.resolve("alm-promote.state")).isRegularFile();

            // a new application (context) over the same state file: nothing is promoted again; a failed sync is
            // tried again at the next poll
            main = ExampleHarness.start(sim, properties, Map.of(), new AlmPromotionRoute());
            try {
                awaitPolls(sim, 3);
                assertThat(sim.journal().count("POST", PROD_SYNC)).isEqualTo(2);

                sim.faults().add(FaultRule.on("POST", PROD_SYNC).respond(400).times(1));
                dev.addRevision("00000000000000000000000000000015", "Release 1.5", "",
                        System.currentTimeMillis() + 3000);
                await().atMost(ExampleHarness.WAIT).until(() -> prod.revisionNames().contains("Release 1.5"));
                Movements.Counters c = ExampleHarness.movements(main).counters("alm-promote");
                await().atMost(ExampleHarness.WAIT).until(() -> c.messages() == 1);
                assertThat(c.failures()).isEqualTo(1);
                assertThat(sim.journal().count("POST", PROD_SYNC)).isEqualTo(4);
                assertThat(prod.revisionNames())
                        .containsExactly("Release 1.0", "Release 1.2", "Release 1.4", "Release 1.5");
            } finally {
                main.stop();
            }
        }
    }

    /** Waits until the consumer polled the dev model's revisions {@code n} more times. */
    private static void awaitPolls(AnaplanSimulator sim, int n) {
        int target = sim.journal().count("GET", DEV_POLL) + n;
        await().atMost(ExampleHarness.WAIT).until(() -> sim.journal().count("GET", DEV_POLL) >= target);
    }
}
