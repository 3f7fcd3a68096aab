package io.github.camelanaplan.simulator;

import static io.github.camelanaplan.simulator.SimClient.json;
import static io.github.camelanaplan.simulator.SimClient.ws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CoreFlowTest {

    static AnaplanSimulator sim;
    static SimClient c;

    @BeforeAll
    static void start() throws Exception {
        sim = AnaplanSimulator.start(SimulatorOptions.defaults().taskDuration(Duration.ofMillis(100)));
        c = new SimClient(sim).login();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void listsWorkspacesAndModels() throws Exception {
        JsonNode ws = json(c.get("/workspaces"));
        assertThat(ws.at("/status/code").asInt()).isEqualTo(200);
        assertThat(ws.at("/workspaces/0/id").asText()).isEqualTo(Seed.WORKSPACE_ID);
        assertThat(ws.at("/meta/paging/totalSize").asInt()).isEqualTo(1);
        JsonNode models = json(c.get("/models"));
        assertThat(models.at("/meta/paging/totalSize").asInt()).isEqualTo(3);
        JsonNode m = json(c.get("/models/" + Seed.MODEL_ID));
        assertThat(m.at("/model/activeState").asText()).isEqualTo("UNLOCKED");
        assertThat(c.get("/models/00000000000000000000000000000000").statusCode()).isEqualTo(404);
    }

    @Test
    void uploadImportExportRoundTrip() throws Exception {
        String csv = "Name,Code,Department,Email\nZed,Z1,Ops,z@example.com\nYann,Y1,Ops,y@example.com\n";
        byte[] data = csv.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = c.postJson(ws() + "/files/" + Seed.FILE_ID, "{\"chunkCount\":2}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).at("/file/id").asText()).isEqualTo(Seed.FILE_ID);
        int half = 30;
        byte[] a = java.util.Arrays.copyOfRange(data, 0, half);
        byte[] b = java.util.Arrays.copyOfRange(data, half, data.length);
        assertThat(c.put(ws() + "/files/" + Seed.FILE_ID + "/chunks/1", "application/x-gzip", SimClient.gzip(b)).statusCode()).isEqualTo(204);
        assertThat(sim.tenant().model(Seed.MODEL_ID).fileUploadComplete(Seed.FILE_ID)).isFalse();
        assertThat(c.put(ws() + "/files/" + Seed.FILE_ID + "/chunks/0", "application/octet-stream", a).statusCode()).isEqualTo(204);
        assertThat(sim.tenant().model(Seed.MODEL_ID).fileUploadComplete(Seed.FILE_ID)).isTrue();
        assertThat(sim.tenant().model(Seed.MODEL_ID).fileContent(Seed.FILE_ID)).isEqualTo(data);

        JsonNode t = c.runTask("imports", Seed.IMPORT_ID);
        assertThat(t.at("/taskState").asText()).isEqualTo("COMPLETE");
        assertThat(t.at("/result/successful").asBoolean()).isTrue();
        assertThat(t.at("/result/details/0/values").toString()).contains("successRowCount", "\"2\"");
        assertThat(sim.tenant().model(Seed.MODEL_ID).rows(Seed.EMPLOYEES)).hasSize(2);

        JsonNode e = c.runTask("exports", Seed.EXPORT_ID);
        assertThat(e.at("/result/successful").asBoolean()).isTrue();
        JsonNode chunks = json(c.get(ws() + "/files/" + Seed.EXPORT_ID + "/chunks"));
        assertThat(chunks.at("/chunks/0/id").asText()).isEqualTo("0");
        String out = new String(c.getBytes(ws() + "/files/" + Seed.EXPORT_ID + "/chunks/0").body(), StandardCharsets.UTF_8);
        assertThat(out).isEqualTo("Name,Code,Department,Email\nZed,Z1,Ops,z@example.com\nYann,Y1,Ops,y@example.com\n");
    }
}
