package io.github.camelanaplan.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelanaplan.examples.routes.AnaplanToFileRoute;
import io.github.camelanaplan.examples.routes.AnaplanToJdbcRoute;
import io.github.camelanaplan.examples.support.Movements;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimulatorOptions;
import org.apache.camel.main.Main;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnaplanExportRoutesTest {

    private static final String EXPORT_RUN = ".*/exports/" + Seed.EXPORT_ID + "/tasks";
    private static final List<String> HEADER = List.of("Name", "Code", "Department", "Email");

    /** Tasks of 50 ms instead of 300 (with the short status poll and first poll set below): a quicker test. */
    private static final SimulatorOptions FAST = SimulatorOptions.defaults().taskDuration(Duration.ofMillis(50));

    @TempDir
    Path work;

    @Test
    void exportsTheListToAFolderAndIntoATableEachTimeItChanges() throws Exception {
        Path folder = work.resolve("export");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:export-test;DB_CLOSE_DELAY=-1");
        try (Connection db = ds.getConnection(); AnaplanSimulator sim = AnaplanSimulator.start(FAST)) {
            ExampleHarness.model(sim).setRows(Seed.EMPLOYEES, HEADER, rows(3000, "Finance, Paris"));
            Map<String, String> properties = Map.of("examples.export.folder", folder.toString(),
                    "examples.export.initialDelay", "10", "examples.export.delay", "100",
                    "examples.state.folder", work.resolve("state").toString(),
                    "camel.component.anaplan.statusPollDelay", "25");

            Main main = ExampleHarness.start(sim, properties, Map.of("dataSource", ds), new AnaplanToFileRoute(),
                    new AnaplanToJdbcRoute());
            try {
                Movements.Counters toFile = ExampleHarness.movements(main).counters("anaplan-to-file");
                Movements.Counters toTable = ExampleHarness.movements(main).counters("anaplan-to-jdbc");
                await().atMost(ExampleHarness.WAIT).until(() -> toFile.messages() == 1 && toTable.messages() == 1);

                List<Path> files = files(folder);
                assertThat(files).hasSize(1);
                List<String> lines = Files.readAllLines(files.get(0));
                assertThat(lines).hasSize(3001);
                assertThat(lines.get(0)).isEqualTo("Name,Code,Department,Email");
                assertThat(lines).contains("X-0000001,X1,\"Finance, Paris\",x.1@example.com");
                assertThat(count(db)).isEqualTo(3000);
                assertThat(department(db, "X-0000003")).isEqualTo("Finance, Paris");

                // unchanged content (onlyChanged): the next polls run the export but write nothing
                awaitExportRuns(sim, 4);
                assertThat(files(folder)).hasSize(1);
                assertThat(toTable.messages()).isEqualTo(1);

                // the list changes: a second file, and the table's rows replaced
                ExampleHarness.model(sim).setRows(Seed.EMPLOYEES, HEADER, rows(3001, "Finance, Lyon"));
                await().atMost(ExampleHarness.WAIT).until(() -> toFile.messages() == 2 && toTable.messages() == 2);
                assertThat(files(folder)).hasSize(2);
                assertThat(count(db)).isEqualTo(3001);
                assertThat(department(db, "X-0000003")).isEqualTo("Finance, Lyon");
            } finally {
                main.stop();
            }

            // a restart over the same state folder does not write the same content again
            main = ExampleHarness.start(sim, properties, Map.of("dataSource", ds), new AnaplanToFileRoute(),
                    new AnaplanToJdbcRoute());
            try {
                awaitExportRuns(sim, 4);
                assertThat(files(folder)).hasSize(2);
                assertThat(ExampleHarness.movements(main).snapshot()).isEmpty();
            } finally {
                main.stop();
            }
        }
    }

    private static List<List<String>> rows(int n, String oddDepartment) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(List.of(String.format("X-%07d", i), "X" + i, i % 2 == 0 ? "Sales" : oddDepartment,
                    "x." + i + "@example.com"));
        }
        return rows;
    }

    /** Waits until the export ran {@code n} more times (both routes together). */
    private static void awaitExportRuns(AnaplanSimulator sim, int n) {
        int target = sim.journal().count("POST", EXPORT_RUN) + n;
        await().atMost(ExampleHarness.WAIT).until(() -> sim.journal().count("POST", EXPORT_RUN) >= target);
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("employees-\\d{8}-\\d{6}-\\d{3}\\.csv")).sorted()
                    .toList();
        }
    }

    private static int count(Connection db) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM EMPLOYEES_EXPORT")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String department(Connection db, String name) throws Exception {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"Code\", \"Department\", \"Email\" FROM EMPLOYEES_EXPORT "
                                           + "WHERE \"Name\" = '" + name + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("X" + name.substring(name.length() - 1));
            return rs.getString(2);
        }
    }
}
