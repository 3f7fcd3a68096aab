package io.github.camelanaplan.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The benchmark in smoke mode (20 MB transfers, short tasks, 20,000 records) in the normal test phase. It asserts only
 * that the report is produced and that the content arrived intact: the numbers of a shared test machine are noise,
 * and the targets are checked in the full benchmark's report ({@code -Pbenchmark}), not here.
 */
class BenchmarkSmokeTest {

    @Test
    void producesTheReportAndTheContentArrivesIntact() throws Exception {
        Path report = Path.of("target", "benchmark-smoke-report.md");
        Files.deleteIfExists(report);

        Benchmark.Result result = Benchmark.run(Benchmark.Settings.smoke(report));
        System.out.println(result.markdown());

        assertThat(report).exists();
        String markdown = Files.readString(report);
        assertThat(markdown).isEqualTo(result.markdown()).contains("| Measurement | Measured | Reference (same run) | Ratio |");
        for (String line : new String[] {"| 1. Upload", "| 2. Upload", "| 3. Download", "| 4a. Peak heap", "| 4b. Peak heap",
                "| 7. Upload", "| 7. Download", "| 5a. Task completion lag", "| 5b. Status polls", "| 6. "}) {
            assertThat(markdown).as("report line %s", line).contains(line);
        }
        assertThat(result.checks()).isNotEmpty().allSatisfy(check -> assertThat(check).startsWith("OK: "));
        assertThat(result.intact()).as("content arrived intact").isTrue();
    }
}
