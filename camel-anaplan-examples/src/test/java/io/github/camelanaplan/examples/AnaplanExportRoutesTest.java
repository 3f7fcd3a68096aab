package io.github.camelanaplan.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelanaplan.examples.routes.AnaplanToFileRoute;
import io.github.camelanaplan.examples.routes.AnaplanToJdbcRoute;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;
import org.apache.camel.main.Main;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnaplanExportRoutesTest {

    @TempDir
    Path folder;

    @Test
    void exportsTheListToAFolderAndIntoATable() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:export-test;DB_CLOSE_DELAY=-1");
        try (Connection db = ds.getConnection(); AnaplanSimulator sim = AnaplanSimulator.start()) {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 1; i <= 3000; i++) {
                rows.add(List.of(String.format("X-%07d", i), "X" + i, i % 2 == 0 ? "Sales" : "Finance, Paris",
                        "x." + i + "@example.com"));
            }
            ExampleHarness.model(sim).setRows(Seed.EMPLOYEES, List.of("Name", "Code", "Department", "Email"), rows);

            Main main = ExampleHarness.start(sim, Map.of("examples.export.folder", folder.toString()),
                    Map.of("dataSource", ds), new AnaplanToFileRoute(), new AnaplanToJdbcRoute());
            try {
                main.getCamelContext().createProducerTemplate().requestBody("direct:anaplan-to-file", (Object) null);
                main.getCamelContext().createProducerTemplate().requestBody("direct:anaplan-to-jdbc", (Object) null);
                // a second run replaces the table's rows
                main.getCamelContext().createProducerTemplate().requestBody("direct:anaplan-to-jdbc", (Object) null);
            } finally {
                main.stop();
            }

            Path file;
            try (Stream<Path> files = Files.list(folder)) {
                file = files.filter(p -> p.getFileName().toString().matches("employees-\\d{8}-\\d{6}-\\d{3}\\.csv"))
                        .findFirst().orElseThrow();
            }
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(3001);
            assertThat(lines.get(0)).isEqualTo("Name,Code,Department,Email");
            assertThat(lines).contains("X-0000001,X1,\"Finance, Paris\",x.1@example.com");

            try (Statement s = db.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM EMPLOYEES_EXPORT")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(3000);
                }
                try (ResultSet rs = s.executeQuery(
                        "SELECT \"Code\", \"Department\", \"Email\" FROM EMPLOYEES_EXPORT WHERE \"Name\" = 'X-0000003'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                            .containsExactly("X3", "Finance, Paris", "x.3@example.com");
                }
            }
        }
    }
}
