package io.github.camelanaplan.simulator;

import static io.github.camelanaplan.simulator.SimClient.json;
import static io.github.camelanaplan.simulator.SimClient.ws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FilesTest {

    AnaplanSimulator sim;
    SimClient c;
    SimModel model;

    @BeforeEach
    void start() throws Exception {
        sim = AnaplanSimulator.start();
        c = new SimClient(sim).login();
        model = sim.tenant().model(Seed.MODEL_ID);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static String file(String id) {
        return ws() + "/files/" + id;
    }

    @Test
    void fileListShape() throws Exception {
        JsonNode j = json(c.get("/models/" + Seed.MODEL_ID + "/files"));
        assertThat(j.at("/meta/paging/totalSize").asInt()).isEqualTo(2);
        assertThat(j.at("/meta/schema").asText()).contains("/objects/file");
        JsonNode f = j.at("/files/0");
        assertThat(f.get("id").asText()).isEqualTo(Seed.FILE_ID);
        assertThat(f.get("name").asText()).isEqualTo("Employees.csv");
        assertThat(f.get("headerRow").asInt()).isEqualTo(1);
        assertThat(f.get("firstDataRow").asInt()).isEqualTo(2);
        assertThat(f.get("separator").asText()).isEqualTo(",");
        assertThat(f.get("delimiter").asText()).isEqualTo("\"");
        assertThat(f.get("encoding").asText()).isEqualTo("UTF-8");
        assertThat(f.get("format").asText()).isEqualTo("txt");
        assertThat(f.get("chunkCount").asInt()).isEqualTo(1);
    }

    @Test
    void flowBStreamingWithComplete() throws Exception {
        assertThat(c.postJson(file(Seed.FILE_ID), "{\"chunkCount\":-1}").statusCode()).isEqualTo(200);
        c.put(file(Seed.FILE_ID) + "/chunks/0", "application/x-gzip", SimClient.gzip("a,b\n".getBytes()));
        c.put(file(Seed.FILE_ID) + "/chunks/1", "application/x-gzip", SimClient.gzip("1,2\n".getBytes()));
        assertThat(model.fileUploadComplete(Seed.FILE_ID)).isFalse();
        HttpResponse<String> done = c.postJson(file(Seed.FILE_ID) + "/complete", "{\"id\":113000000000}");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(json(done).at("/file/chunkCount").asInt()).isEqualTo(2);
        assertThat(model.fileUploadComplete(Seed.FILE_ID)).isTrue();
        assertThat(new String(model.fileContent(Seed.FILE_ID))).isEqualTo("a,b\n1,2\n");
        assertThat(model.fileChunkCount(Seed.FILE_ID)).isEqualTo(2);
    }

    @Test
    void flowCSinglePutAndWholeFileGet() throws Exception {
        assertThat(c.put(file(Seed.FILE2_ID), "application/octet-stream", "x,y\n".getBytes()).statusCode()).isEqualTo(204);
        assertThat(model.fileUploadComplete(Seed.FILE2_ID)).isTrue();
        HttpResponse<byte[]> r = c.getBytes(file(Seed.FILE2_ID));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(new String(r.body())).isEqualTo("x,y\n");
        assertThat(c.delete(file(Seed.FILE2_ID)).statusCode()).isEqualTo(204);
        assertThat(c.getBytes(file(Seed.FILE2_ID)).statusCode()).isEqualTo(404);
        assertThat(model.fileContent(Seed.FILE2_ID)).isNull();
        assertThat(c.delete(file("113999999999")).statusCode()).isEqualTo(404);
    }

    @Test
    void parallelOutOfOrderChunks() throws Exception {
        int n = 24;
        List<byte[]> parts = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            byte[] p = ("row-" + i + ",value-" + i + "\n").repeat(2000).getBytes(StandardCharsets.UTF_8);
            parts.add(p);
            all.write(p);
        }
        c.postJson(file(Seed.FILE_ID), "{\"chunkCount\":" + n + "}");
        JsonNode placeholders = json(c.get(file(Seed.FILE_ID) + "/chunks"));
        assertThat(placeholders.get("chunks")).hasSize(n);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(7));
        // each chunk takes a moment, so parallel uploads overlap for sure
        sim.faults().add(FaultRule.on("PUT", ".*/chunks/\\d+").always().delay(java.time.Duration.ofMillis(60)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> fs = new ArrayList<>();
            for (int i : order) {
                fs.add(pool.submit(() -> c.put(file(Seed.FILE_ID) + "/chunks/" + i, "application/x-gzip", SimClient.gzip(parts.get(i))).statusCode()));
            }
            for (Future<Integer> f : fs) {
                assertThat(f.get()).isEqualTo(204);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(model.fileUploadComplete(Seed.FILE_ID)).isTrue();
        assertThat(model.fileContent(Seed.FILE_ID)).isEqualTo(all.toByteArray());
        assertThat(sim.journal().maxConcurrency(".*/chunks/\\d+")).isGreaterThan(1);
        // download chunk by chunk
        JsonNode list = json(c.get(file(Seed.FILE_ID) + "/chunks"));
        assertThat(list.at("/chunks/5/id").asText()).isEqualTo("5");
        assertThat(list.at("/chunks/5/name").asText()).isEqualTo("Chunk 5");
        assertThat(c.getBytes(file(Seed.FILE_ID) + "/chunks/5").body()).isEqualTo(parts.get(5));
        assertThat(c.getBytes(file(Seed.FILE_ID) + "/chunks/99").statusCode()).isEqualTo(404);
    }

    @Test
    void postCreatesUnknownFileAndRejectsOthers() throws Exception {
        HttpResponse<String> r = c.postJson(file("113000000099"), "{\"chunkCount\":1,\"name\":\"New.csv\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).at("/file/name").asText()).isEqualTo("New.csv");
        assertThat(c.postJson(file("999000000099"), "{\"chunkCount\":1}").statusCode()).isEqualTo(404);
        assertThat(c.postJson("/workspaces/" + Seed.WORKSPACE_ID + "/models/FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF/files/113000000000", "{\"chunkCount\":1}").statusCode()).isEqualTo(404);
    }

    @Test
    void limitsAndInvalidGzip() throws Exception {
        c.postJson(file(Seed.FILE_ID), "{\"chunkCount\":2}");
        HttpResponse<String> bad = c.put(file(Seed.FILE_ID) + "/chunks/0", "application/x-gzip", "not gzip".getBytes());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).at("/status/code").asInt()).isEqualTo(400);
        assertThat(c.put(file(Seed.FILE_ID) + "/chunks/2", "application/octet-stream", "x".getBytes()).statusCode()).isEqualTo(400);
        assertThat(c.put(file(Seed.FILE_ID) + "/chunks/1000", "application/octet-stream", "x".getBytes()).statusCode()).isEqualTo(400);
        assertThat(c.postJson(file(Seed.FILE_ID), "{\"chunkCount\":1001}").statusCode()).isEqualTo(400);
        try (AnaplanSimulator small = AnaplanSimulator.start(SimulatorOptions.defaults().maxChunkBytes(1000))) {
            SimClient sc = new SimClient(small).login();
            sc.postJson(file(Seed.FILE_ID), "{\"chunkCount\":1}");
            HttpResponse<String> big = sc.put(file(Seed.FILE_ID) + "/chunks/0", "application/x-gzip", SimClient.gzip(new byte[5000]));
            assertThat(big.statusCode()).isEqualTo(413);
            assertThat(json(big).at("/status/message").asText()).contains("maximum");
        }
    }

    @Test
    void spillsLargeContentToDisk() throws Exception {
        try (AnaplanSimulator s = AnaplanSimulator.start(SimulatorOptions.defaults().spillThresholdBytes(1000))) {
            SimClient sc = new SimClient(s).login();
            byte[] data = "abcdefghij\n".repeat(500).getBytes();
            sc.postJson(file(Seed.FILE_ID), "{\"chunkCount\":1}");
            assertThat(sc.put(file(Seed.FILE_ID) + "/chunks/0", "application/x-gzip", SimClient.gzip(data)).statusCode()).isEqualTo(204);
            assertThat(s.tenant().model(Seed.MODEL_ID).fileContent(Seed.FILE_ID)).isEqualTo(data);
            assertThat(sc.getBytes(file(Seed.FILE_ID)).body()).isEqualTo(data);
        }
    }

    @Test
    void noPlaceholderOption() throws Exception {
        try (AnaplanSimulator s = AnaplanSimulator.start(SimulatorOptions.defaults().placeholderChunks(false))) {
            SimClient sc = new SimClient(s).login();
            sc.postJson(file(Seed.FILE_ID), "{\"chunkCount\":3}");
            JsonNode j = json(sc.get(file(Seed.FILE_ID) + "/chunks"));
            assertThat(j.has("chunks")).isFalse();
            assertThat(j.at("/meta/paging/totalSize").asInt()).isZero();
        }
    }
}
