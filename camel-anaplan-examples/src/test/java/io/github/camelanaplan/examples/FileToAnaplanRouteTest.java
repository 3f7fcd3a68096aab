package io.github.camelanaplan.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.camelanaplan.examples.routes.FileToAnaplanRoute;
import io.github.camelanaplan.examples.support.DemoData;
import io.github.camelanaplan.examples.support.Movements;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileToAnaplanRouteTest {

    @TempDir
    Path inbox;

    AnaplanSimulator sim;
    Main main;

    @BeforeEach
    void start() {
        sim = AnaplanSimulator.start();
        main = ExampleHarness.start(sim, Map.of("examples.file.inbox", inbox.toString()), Map.of(),
                new FileToAnaplanRoute());
    }

    @AfterEach
    void stop() {
        main.stop();
        sim.close();
    }

    @Test
    void importsEachFileAndMovesItToDone() throws Exception {
        DemoData.writeCsv(inbox, "first.csv", "F", 1, 3000, null);
        DemoData.writeCsv(inbox, "second.csv", "F", 3001, 5000, null);

        await().atMost(ExampleHarness.WAIT).until(() -> Files.exists(inbox.resolve(".done/first.csv"))
                                                        && Files.exists(inbox.resolve(".done/second.csv")));

        assertThat(ExampleHarness.names(sim, "F")).hasSize(5000).contains("F-0000001", "F-0003000", "F-0005000");
        assertThat(ExampleHarness.model(sim).taskStarts(Seed.IMPORT_ID)).isEqualTo(2);
        assertThat(inbox.resolve("first.csv")).doesNotExist();
        Movements.Counters c = ExampleHarness.movements(main).counters("file-to-anaplan");
        assertThat(c.rows()).isEqualTo(5000);
        assertThat(c.failures()).isZero();
        assertThat(inbox.resolve(".error")).doesNotExist();
    }

    @Test
    void fileWithRejectedRowsGoesToErrorFolderWithItsDump() throws Exception {
        ExampleHarness.model(sim).rejectRowsMatching(Seed.IMPORT_ID, Pattern.compile("not-an-email"));
        DemoData.writeCsv(inbox, "bad.csv", "B", 1, 9, "B-0000010,B10,Sales,not-an-email\n");

        await().atMost(ExampleHarness.WAIT).until(() -> Files.exists(inbox.resolve(".error/bad.csv")));

        Path dump = inbox.resolve(".error/bad.csv.dump.csv");
        assertThat(dump).exists();
        String text = Files.readString(dump);
        assertThat(text).startsWith("_Status_,Name,Code,Department,Email,_Line_,_Error_1_")
                .contains("B-0000010,B10,Sales,not-an-email").contains("Row rejected by the simulator");
        // Anaplan imports the good rows of a partly rejected file; failOnWarnings makes the route treat it as failed
        assertThat(ExampleHarness.names(sim, "B")).hasSize(9).doesNotContain("B-0000010");
        assertThat(inbox.resolve(".done/bad.csv")).doesNotExist();
        assertThat(ExampleHarness.movements(main).counters("file-to-anaplan").failures()).isEqualTo(1);
    }

    @Test
    void failedImportMovesTheFileToErrorFolderAndTheNextFileStillGoesThrough() throws Exception {
        ExampleHarness.model(sim).failNextTask(Seed.IMPORT_ID);
        DemoData.writeCsv(inbox, "unlucky.csv", "U", 1, 100, null);
        await().atMost(ExampleHarness.WAIT).until(() -> Files.exists(inbox.resolve(".error/unlucky.csv.dump.csv"))
                                                        && Files.exists(inbox.resolve(".error/unlucky.csv")));
        assertThat(Files.readString(inbox.resolve(".error/unlucky.csv.dump.csv"))).contains("Simulated import failure");
        assertThat(ExampleHarness.names(sim, "U")).isEmpty();

        DemoData.writeCsv(inbox, "lucky.csv", "L", 1, 100, null);
        await().atMost(ExampleHarness.WAIT).until(() -> Files.exists(inbox.resolve(".done/lucky.csv")));
        assertThat(ExampleHarness.names(sim, "L")).hasSize(100);
    }
}
