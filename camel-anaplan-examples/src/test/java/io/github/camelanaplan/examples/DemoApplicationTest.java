package io.github.camelanaplan.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The main job, smaller: simulator, H2, Kafka, all routes (the ALM one too), the summary and the checks. */
class DemoApplicationTest {

    @Test
    void runsEveryExampleAgainstTheSimulatorAndReportsWhatMoved() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        System.setOut(new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));
        try {
            code = new DemoApplication(1000, 5000, 2000, 2, Duration.ofSeconds(60)).run();
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        assertThat(out).contains("starting the embedded Anaplan simulator")
                .contains("employees-bad.csv had 2 rejected rows")
                .contains("What moved:")
                .containsPattern("file-to-anaplan\\s+2\\s+0\\s+2,000")
                .containsPattern("jdbc-to-anaplan\\s+1\\s+5,000\\s+5,000")
                .containsPattern("kafka-to-anaplan\\s+\\d+\\s+2,000\\s+2,000")
                .contains("H2 table EMPLOYEES_EXPORT: 9,098 rows")
                .contains("polled again: unchanged, nothing written")
                .containsPattern("anaplan-to-file\\s+1\\s+9,098")
                .containsPattern("anaplan-to-jdbc\\s+1\\s+9,098")
                .contains("prod model revisions: Release 1.0, Release 1.2")
                .containsPattern("alm-promote\\s+1\\s+0\\s+0\\s+0\\s+1\\s+0")
                .contains("All data arrived.");
    }

    /** Writes to two streams. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
