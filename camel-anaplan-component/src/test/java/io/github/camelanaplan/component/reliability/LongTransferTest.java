package io.github.camelanaplan.component.reliability;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.component.AnaplanComponent;
import io.github.camelanaplan.component.AnaplanConfiguration;
import io.github.camelanaplan.component.SimulatedAnaplan;
import io.github.camelanaplan.component.AnaplanConstants;
import io.github.camelanaplan.component.EngineProbe;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.FaultRule;
import io.github.camelanaplan.simulator.JournalEntry;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimModel;
import io.github.camelanaplan.simulator.SimulatorOptions;
import io.github.camelanaplan.simulator.TokenState;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long uploads outlive their tokens: the token is renewed ahead of expiry (and, should a 401 come anyway, renewed
 * once and the request replayed), so the upload completes and no request goes out with an expired token.
 */
class LongTransferTest {

    private static final String CHUNKS = ".*/files/" + Seed.FILE_ID + "/chunks/\\d+";

    /** 1 GiB, 5-second tokens: the spec's long transfer. Run with {@code -Pslow}. */
    @Tag("slow")
    @Test
    void oneGibUploadWithTokensExpiringEveryFiveSeconds() throws Exception {
        Result result = upload(1L << 30, Duration.ofSeconds(5), 8_000_000, null);
        assertThat(result.elapsedMillis).as("long enough to outlive several tokens").isGreaterThan(5_000);
        assertThat(result.renewals).isGreaterThanOrEqualTo((int) (result.elapsedMillis / 5_000));
    }

    /** The same in the default run: 64 MB, 1-second tokens, chunk PUTs slowed so the upload spans several tokens. */
    @Test
    void sixtyFourMegabyteUploadWithTokensExpiringEverySecond() throws Exception {
        Result result = upload(64L << 20, Duration.ofSeconds(1), 1_000_000, Duration.ofMillis(60));
        assertThat(result.elapsedMillis).as("long enough to outlive several tokens").isGreaterThan(2_000);
        assertThat(result.renewals).isGreaterThanOrEqualTo(2);
    }

    private record Result(long elapsedMillis, int renewals) {
    }

    private Result upload(long size, Duration tokenTtl, int chunkSize, Duration putDelay) throws Exception {
        try (AnaplanSimulator sim = AnaplanSimulator.start(SimulatorOptions.defaults().throughputMode(true).tokenTtl(tokenTtl))) {
            if (putDelay != null) {
                sim.faults().add(FaultRule.on("PUT", CHUNKS).always().delay(putDelay));
            }
            Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
            CamelContext context = new DefaultCamelContext();
            AnaplanComponent component = SimulatedAnaplan.component(sim);
            AnaplanConfiguration c = component.getConfiguration();
            c.setRetryBackoff(50);
            c.setUploadChunkSize(chunkSize);
            c.setCompressionLevel(1);
            c.setUploadParallelism(2);
            c.setMaxRequestsPerMinute(0);
            context.addComponent("anaplan", component);
            context.start();
            long start = System.nanoTime();
            Exchange exchange;
            AnaplanClient client;
            try {
                exchange = context.createProducerTemplate().send("anaplan:upload?fileId=" + Seed.FILE_ID,
                        e -> e.getMessage().setBody(new GeneratedCsv(size)));
                client = EngineProbe.clients(context).get(0);
            } finally {
                context.stop();
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            assertThat(exchange.getException()).isNull();

            SimModel model = sim.tenant().model(Seed.MODEL_ID);
            int chunks = exchange.getMessage().getHeader(AnaplanConstants.CHUNK_COUNT, Integer.class);
            assertThat(chunks).isGreaterThanOrEqualTo((int) (size / chunkSize));
            assertThat(model.chunksReceived(Seed.FILE_ID)).as("chunk PUTs received").isGreaterThanOrEqualTo(chunks);
            assertThat(model.fileUploadComplete(Seed.FILE_ID)).isTrue();
            assertThat(client.stats().uncompressedBytesUploaded()).isEqualTo(size);

            List<JournalEntry> journal = sim.journal().entries();
            int first401 = -1;
            for (int i = 0; i < journal.size(); i++) {
                if (journal.get(i).status() == 401) {
                    first401 = i;
                    break;
                }
            }
            List<JournalEntry> afterFirst401 = first401 < 0 ? List.of() : journal.subList(first401 + 1, journal.size());
            assertThat(afterFirst401).as("requests sent with an expired token after the first 401")
                    .noneMatch(e -> e.tokenState() == TokenState.EXPIRED);
            // proactive renewal: not a single request with an expired token, so not a single 401
            assertThat(journal).as("requests sent with an expired token").noneMatch(e -> e.tokenState() == TokenState.EXPIRED);
            assertThat(journal).noneMatch(e -> e.status() == 401);
            int renewals = sim.auth().refreshCount() + sim.auth().authenticationCount() - 1;
            System.out.printf("Long upload: %,d bytes in %d chunks in %d ms (%.1f MB/s), %d token renewals, %d requests%n",
                    size, chunks, elapsed, size / 1e3 / Math.max(1, elapsed), renewals, journal.size());
            assertThat(FaultHarness.awaitEngineThreadsGone(threadsBefore, 3_000)).isEmpty();
            assertThat(client.isClosed()).isTrue();
            return new Result(elapsed, renewals);
        }
    }

    /** {@code size} bytes of CSV rows, generated on the fly: a 1 MB block of varied rows, repeated. */
    static final class GeneratedCsv extends InputStream {
        private static final byte[] BLOCK = block();
        private final long size;
        private long position;

        GeneratedCsv(long size) {
            this.size = size;
        }

        private static byte[] block() {
            StringBuilder rows = new StringBuilder(1 << 20);
            java.util.Random random = new java.util.Random(42);
            while (rows.length() < (1 << 20) - 200) {
                int id = random.nextInt(1_000_000);
                rows.append("Employee ").append(id).append(",E").append(id).append(",Dept ").append(random.nextInt(97))
                        .append(",e").append(Long.toHexString(random.nextLong())).append("@example.com\n");
            }
            return rows.toString().getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            return BLOCK[(int) (position++ % BLOCK.length)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int at = (int) (position % BLOCK.length);
            int n = (int) Math.min(Math.min(len, BLOCK.length - at), size - position);
            System.arraycopy(BLOCK, at, b, off, n);
            position += n;
            return n;
        }
    }
}
