package io.github.camelanaplan.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.camelanaplan.examples.support.DemoData;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimModel;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The YAML and XML route files under src/main/resources/routes, loaded by camel-main, against the simulator. */
class DslRoutesTest {

    @TempDir
    Path inbox;

    private static Main start(AnaplanSimulator sim, String routes, Map<String, String> properties) {
        Main main = new Main();
        main.configure().withRoutesIncludePattern(routes);
        AnaplanTarget.simulator(sim).camelProperties().forEach(main::addOverrideProperty);
        properties.forEach(main::addOverrideProperty);
        main.start();
        return main;
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "xml"})
    void fileRoute(String dsl) throws Exception {
        try (AnaplanSimulator sim = AnaplanSimulator.start()) {
            SimModel model = ExampleHarness.model(sim);
            model.rejectRowsMatching(Seed.IMPORT_ID, Pattern.compile("not-an-email"));
            Main main = start(sim, "classpath:routes/file-to-anaplan." + dsl,
                    Map.of("examples.file.inbox", inbox.toString()));
            try {
                assertThat(main.getCamelContext().getRoute(dsl + "-file-to-anaplan")).isNotNull();
                DemoData.writeCsv(inbox, "good.csv", "G", 1, 2000, null);
                DemoData.writeCsv(inbox, "bad.csv", "B", 1, 4, "B-0000005,B5,Sales,not-an-email\n");
                await().atMost(ExampleHarness.WAIT).until(() -> Files.exists(inbox.resolve(".done/good.csv"))
                                                                && Files.exists(inbox.resolve(".error/bad.csv")));
            } finally {
                main.stop();
            }
            assertThat(ExampleHarness.names(sim, "G")).hasSize(2000);
            assertThat(ExampleHarness.names(sim, "B")).hasSize(4);
            assertThat(Files.readString(inbox.resolve(".error/bad.csv.dump.csv"))).contains("not-an-email");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "xml"})
    void kafkaRoute(String dsl) throws Exception {
        int records = 3000;
        String topic = "employees-" + dsl;
        ExampleHarness.kafka().createTopic(topic, 2);
        try (AnaplanSimulator sim = AnaplanSimulator.start()) {
            SimModel model = ExampleHarness.model(sim);
            model.failNextTask(Seed.IMPORT_ID);
            Main main = start(sim, "classpath:routes/kafka-to-anaplan." + dsl, Map.of(
                    "examples.kafka.brokers", ExampleHarness.kafka().bootstrapServers(),
                    "examples.kafka.topic", topic, "examples.kafka.groupId", dsl + "-group",
                    "examples.kafka.batchSize", "500", "examples.kafka.batchIntervalMs", "1000"));
            try {
                assertThat(main.getCamelContext().getRoute(dsl + "-kafka-to-anaplan")).isNotNull();
                String prefix = dsl.toUpperCase();
                ExampleHarness.produce(topic, prefix, 1, records);
                await().atMost(ExampleHarness.WAIT).pollInterval(Duration.ofMillis(200))
                        .until(() -> ExampleHarness.names(sim, prefix).size() == records);
                // the failed batch was imported again; every successful import carried distinct records
                await().atMost(Duration.ofSeconds(10)).until(() -> model.tasks(Seed.IMPORT_ID).stream()
                        .allMatch(t -> t.successful() != null));
                long failed = model.tasks(Seed.IMPORT_ID).stream().filter(t -> Boolean.FALSE.equals(t.successful()))
                        .count();
                assertThat(failed).isEqualTo(1);
                assertThat(model.rows(Seed.EMPLOYEES)).hasSize(records);
            } finally {
                main.stop();
            }
        }
    }
}
