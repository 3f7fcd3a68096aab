package io.github.camelanaplan.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelanaplan.component.AnaplanConstants;
import io.github.camelanaplan.examples.routes.JdbcToAnaplanRoute;
import io.github.camelanaplan.examples.support.DemoData;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcToAnaplanRouteTest {

    @TempDir
    Path dir;

    @Test
    void streamsTheQueryIntoAnUploadAndImport() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:jdbc-route-test;DB_CLOSE_DELAY=-1;LAZY_QUERY_EXECUTION=TRUE");
        try (Connection keep = ds.getConnection(); AnaplanSimulator sim = AnaplanSimulator.start()) {
            DemoData.createEmployeesTable(keep, "J", 50_000);
            Main main = ExampleHarness.start(sim, Map.of("examples.jdbc.uploadChunkSize", "1000000"),
                    Map.of("dataSource", ds), new JdbcToAnaplanRoute());
            try {
                Exchange out = main.getCamelContext().createFluentProducerTemplate().to("direct:jdbc-to-anaplan").send();
                assertThat(out.getException()).isNull();
                // ~2.3 MB of CSV in 1 MB chunks
                assertThat(out.getMessage().getHeader(AnaplanConstants.CHUNK_COUNT, Integer.class)).isEqualTo(3);
                assertThat(out.getMessage().getHeader(AnaplanConstants.ROWS_PROCESSED, Long.class)).isEqualTo(50_000L);
            } finally {
                main.stop();
            }
            assertThat(ExampleHarness.names(sim, "J")).hasSize(50_000).contains("J-0000001", "J-0050000");
            List<String> row = ExampleHarness.model(sim).rows(Seed.EMPLOYEES).stream()
                    .filter(r -> r.get(0).equals("J-0000042")).findFirst().orElseThrow();
            assertThat(row).containsExactly("J-0000042", "J42", "Engineering", "j.42@example.com");
        }
    }

    /**
     * A million rows through a JVM with a 64 MB heap: the route runs in a child JVM ({@link JdbcLowMemoryRun}) that
     * reads an H2 file database; the simulator, which keeps what it receives, runs here.
     */
    @Test
    void aMillionRowsWithA64MbHeap() throws Exception {
        long rows = Long.getLong("jdbc.bigRows", 1_000_000);
        Path db = dir.resolve("employees");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + db);
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            DemoData.createEmployeesTable(c, "M", rows);
        }
        System.out.printf("H2 file database with %,d rows written in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);

        try (AnaplanSimulator sim = AnaplanSimulator.start()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", classpath,
                    JdbcLowMemoryRun.class.getName(), "jdbc:h2:file:" + db, sim.authUrl(), sim.apiUrl()));
            Path log = dir.resolve("child.log");
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = child.waitFor(150, TimeUnit.SECONDS);
            if (!finished) {
                child.destroyForcibly();
            }
            String output = read(log);
            System.out.println(output);
            assertThat(finished).as("child JVM finished in time").isTrue();
            assertThat(child.exitValue()).as("child exit code; output:\n" + output).isZero();

            Matcher m = Pattern.compile("RESULT rows=(\\d+) seconds=([\\d.]+) peakHeapMb=(\\d+) maxHeapMb=(\\d+) liveAfterGcMb=(\\d+)")
                    .matcher(output);
            assertThat(m.find()).as("result line in:\n" + output).isTrue();
            assertThat(Long.parseLong(m.group(1))).isEqualTo(rows);
            // the CSV alone is ~47 MB; as Strings and Maps the rows would take several hundred MB: only streaming fits
            assertThat(Long.parseLong(m.group(4))).isLessThanOrEqualTo(64);
            assertThat(ExampleHarness.model(sim).rows(Seed.EMPLOYEES)).hasSize((int) rows);
            assertThat(ExampleHarness.names(sim, "M")).contains(DemoData.name("M", 1), DemoData.name("M", rows));
        }
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
