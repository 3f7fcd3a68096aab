package io.github.camelanaplan.simulator;

import static io.github.camelanaplan.simulator.SimClient.json;
import static io.github.camelanaplan.simulator.SimClient.ws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ThroughputTest {

    @Test
    void countsChunksWithoutStoring() throws Exception {
        try (AnaplanSimulator sim = AnaplanSimulator.start(SimulatorOptions.defaults().throughputMode(true))) {
            SimClient c = new SimClient(sim).login();
            SimModel m = sim.tenant().model(Seed.MODEL_ID);
            String f = ws() + "/files/" + Seed.FILE_ID;
            c.postJson(f, "{\"chunkCount\":3}");
            long sent = 0;
            for (int i = 0; i < 3; i++) {
                byte[] gz = SimClient.gzip(new byte[100_000]);
                sent += gz.length;
                assertThat(c.put(f + "/chunks/" + i, "application/x-gzip", gz).statusCode()).isEqualTo(204);
            }
            assertThat(m.bytesReceived(Seed.FILE_ID)).isEqualTo(sent);
            assertThat(m.chunksReceived(Seed.FILE_ID)).isEqualTo(3);
            assertThat(m.fileUploadComplete(Seed.FILE_ID)).isTrue();
            assertThat(m.fileContent(Seed.FILE_ID)).isNull();
            assertThat(c.put(f + "/chunks/0", "application/x-gzip", "plain".getBytes()).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void syntheticFileStreamsDeterministicContent() throws Exception {
        try (AnaplanSimulator sim = AnaplanSimulator.start()) {
            SimClient c = new SimClient(sim).login();
            SimModel m = sim.tenant().model(Seed.MODEL_ID);
            long size = 3L * 1024 * 1024 + 123;
            m.addSyntheticFile("113000000077", "Big.csv", size, 1024 * 1024);
            String f = ws() + "/files/113000000077";
            JsonNode chunks = json(c.get(f + "/chunks"));
            assertThat(chunks.get("chunks")).hasSize(4);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            long total = 0;
            for (int i = 0; i < 4; i++) {
                HttpResponse<InputStream> r = c.http.send(c.api(f + "/chunks/" + i).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                assertThat(r.statusCode()).isEqualTo(200);
                try (InputStream in = r.body()) {
                    byte[] b = in.readAllBytes();
                    total += b.length;
                    md.update(b);
                    if (i == 0) {
                        assertThat(new String(b, 0, 64)).matches("000000000000,[A-Za-z0-9]{50}\\n");
                    }
                }
            }
            assertThat(total).isEqualTo(size);
            assertThat(HexFormat.of().formatHex(md.digest())).isEqualTo(m.syntheticFileSha256("113000000077"));
            byte[] whole = c.getBytes(f).body();
            assertThat(whole.length).isEqualTo(size);
            assertThat(m.fileUploadComplete("113000000077")).isTrue();
            // deterministic across restarts
            try (AnaplanSimulator other = AnaplanSimulator.start()) {
                other.tenant().model(Seed.MODEL_ID).addSyntheticFile("113000000077", "Big.csv", size, 1024 * 1024);
                assertThat(other.tenant().model(Seed.MODEL_ID).syntheticFileSha256("113000000077")).isEqualTo(m.syntheticFileSha256("113000000077"));
            }
        }
    }
}
