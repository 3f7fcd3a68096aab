package io.github.camelanaplan.simulator;

import static io.github.camelanaplan.simulator.SimClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlmTest {

    AnaplanSimulator sim;
    SimClient c;
    static final String DEV = "/models/" + Seed.MODEL_ID;
    static final String PROD = "/models/" + Seed.MODEL2_ID;

    @BeforeEach
    void start() throws Exception {
        sim = AnaplanSimulator.start(SimulatorOptions.defaults().taskDuration(Duration.ofMillis(60)));
        c = new SimClient(sim).login();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private JsonNode waitAlm(String url) throws Exception {
        for (int i = 0; i < 200; i++) {
            JsonNode t = json(c.get(url)).get("task");
            if (t.get("taskState").asText().equals("COMPLETE")) {
                return t;
            }
            Thread.sleep(15);
        }
        throw new AssertionError("ALM task did not complete");
    }

    @Test
    void revisionsAndCreate() throws Exception {
        JsonNode latest = json(c.get(DEV + "/alm/latestRevision"));
        assertThat(latest.get("revisions")).hasSize(1);
        assertThat(latest.at("/revisions/0/id").asText()).isEqualTo(Seed.REVISION2_ID);
        assertThat(latest.at("/revisions/0/createdOn").asText()).endsWith("Z");
        JsonNode all = json(c.get(DEV + "/alm/revisions?sort=-name"));
        assertThat(all.at("/meta/paging/totalSize").asInt()).isEqualTo(2);
        assertThat(all.at("/revisions/0/name").asText()).isEqualTo("Release 1.1");
        JsonNode none = json(c.get(Seed.FUTURE_STATE_MODEL_ID.isEmpty() ? "" : "/models/" + Seed.FUTURE_STATE_MODEL_ID + "/alm/latestRevision"));
        assertThat(none.has("revisions")).isFalse();
        String future = java.time.LocalDate.now().plusDays(1).toString();
        assertThat(json(c.get(DEV + "/alm/revisions?appliedAfter=" + future)).has("revisions")).isFalse();

        HttpResponse<String> created = c.postJson(DEV + "/alm/revisions", "{\"name\":\"Release 2\",\"description\":\"New\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).at("/status/code").asInt()).isEqualTo(201);
        assertThat(json(created).at("/status/message").asText()).isEqualTo("Created");
        assertThat(json(created).at("/revision/name").asText()).isEqualTo("Release 2");
        assertThat(c.postJson(DEV + "/alm/revisions", "{\"name\":\"" + "x".repeat(61) + "\"}").statusCode()).isEqualTo(400);
        assertThat(c.postJson(DEV + "/alm/revisions", "{\"name\":\"ok\",\"description\":\"" + "x".repeat(251) + "\"}").statusCode()).isEqualTo(400);
        assertThat(c.postJson(DEV + "/alm/revisions", "{\"name\":\"" + "x".repeat(60) + "\",\"description\":\"" + "y".repeat(250) + "\"}").statusCode()).isEqualTo(201);
        assertThat(sim.tenant().model(Seed.MODEL_ID).revisionNames()).contains("Release 2");

        JsonNode applied = json(c.get(DEV + "/alm/revisions/" + Seed.REVISION_ID + "/appliedToModels"));
        assertThat(applied.get("appliedToModels")).hasSize(2);
        assertThat(applied.at("/appliedToModels/1/modelId").asText()).isEqualTo(Seed.MODEL2_ID);
        assertThat(applied.at("/appliedToModels/1/appliedMethod").asText()).isEqualTo("Synchronized");
    }

    @Test
    void onlineStatus() throws Exception {
        HttpResponse<String> off = c.send(c.api(PROD + "/onlineStatus").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"offline\"}")));
        assertThat(off.statusCode()).isEqualTo(204);
        assertThat(sim.tenant().model(Seed.MODEL2_ID).isOnline()).isFalse();
        assertThat(c.postJson(PROD + "/onlineStatus", "{\"status\":\"online\"}").statusCode()).isEqualTo(204);
        assertThat(sim.tenant().model(Seed.MODEL2_ID).isOnline()).isTrue();
        sim.tenant().model(Seed.MODEL2_ID).setModelLocked(true);
        HttpResponse<String> locked = c.postJson(PROD + "/onlineStatus", "{\"status\":\"online\"}");
        assertThat(json(locked).at("/status/message").asText()).isEqualTo("Cannot change status when model is in Locked or Archived mode");
    }

    @Test
    void syncComparisonAndSummary() throws Exception {
        assertThat(c.get(PROD + "/alm/syncableRevisions").statusCode()).isEqualTo(400);
        JsonNode syncable = json(c.get(PROD + "/alm/syncableRevisions?sourceModelId=" + Seed.MODEL_ID));
        assertThat(syncable.get("revisions")).hasSize(1);
        assertThat(syncable.at("/revisions/0/id").asText()).isEqualTo(Seed.REVISION2_ID);

        String body = "{\"sourceRevisionId\":\"" + Seed.REVISION2_ID + "\",\"sourceModelId\":\"" + Seed.MODEL_ID
                + "\",\"targetRevisionId\":\"" + Seed.REVISION_ID + "\"}";
        assertThat(c.postJson(PROD + "/alm/syncTasks", "{\"sourceModelId\":\"x\"}").statusCode()).isEqualTo(400);

        HttpResponse<String> cmp = c.postJson(PROD + "/alm/comparisonReportTasks", body);
        assertThat(cmp.statusCode()).isEqualTo(201);
        String cmpUrl = json(cmp).at("/task/taskUrl").asText();
        assertThat(json(cmp).at("/task/taskState").asText()).isEqualTo("IN_PROGRESS");
        assertThat(json(cmp).at("/task/creationTime").isNumber()).isTrue();
        JsonNode cmpDone = waitAlm(cmpUrl);
        String reportUrl = cmpDone.at("/result/reportFileUrl").asText();
        assertThat(reportUrl).endsWith("/comparisonReports/" + Seed.REVISION_ID + "/" + Seed.REVISION2_ID);
        HttpResponse<byte[]> tsv = c.sendBytes(c.api(reportUrl).header("Accept", "application/octet-stream").GET());
        assertThat(tsv.statusCode()).isEqualTo(200);
        assertThat(new String(tsv.body())).contains("\t");
        assertThat(c.send(c.api(reportUrl).header("Accept", "application/json").GET()).statusCode()).isEqualTo(406);

        JsonNode sum = waitAlm(json(c.postJson(PROD + "/alm/summaryReportTasks", body)).at("/task/taskUrl").asText());
        JsonNode report = json(c.get(PROD + "/alm/summaryReports/" + Seed.REVISION_ID + "/" + Seed.REVISION2_ID));
        assertThat(report.at("/summaryReport/totals/created").asInt()).isEqualTo(3);
        assertThat(sum.at("/result/successful").asBoolean()).isTrue();

        HttpResponse<String> sync = c.postJson(PROD + "/alm/syncTasks", body);
        JsonNode syncDone = waitAlm(json(sync).at("/task/taskUrl").asText());
        assertThat(syncDone.at("/currentStep").asText()).isEqualTo("Complete.");
        assertThat(syncDone.at("/result/successful").asBoolean()).isTrue();
        assertThat(json(c.get(PROD + "/alm/latestRevision")).at("/revisions/0/id").asText()).isEqualTo(Seed.REVISION2_ID);
        assertThat(json(c.get(PROD + "/alm/syncableRevisions?sourceModelId=" + Seed.MODEL_ID)).has("revisions")).isFalse();
        assertThat(json(c.get(PROD + "/alm/syncTasks")).get("tasks")).hasSize(1);

        // the same sync again: the target revision is no longer the latest
        JsonNode failed = waitAlm(json(c.postJson(PROD + "/alm/syncTasks", body)).at("/task/taskUrl").asText());
        assertThat(failed.at("/result/successful").asBoolean()).isFalse();
        assertThat(failed.at("/currentStep").asText()).isEqualTo("Failed.");
        assertThat(failed.at("/result/error/title").asText()).isEqualTo("The target and source revisions are incompatible");
    }

    @Test
    void uncertainShapes() throws Exception {
        try (AnaplanSimulator s = AnaplanSimulator.start(SimulatorOptions.defaults().almRevisionsPluralOnCreate(true).almCreationTimeIso(true))) {
            SimClient sc = new SimClient(s).login();
            assertThat(json(sc.postJson(DEV + "/alm/revisions", "{\"name\":\"R\"}")).at("/revisions/0/name").asText()).isEqualTo("R");
            String body = "{\"sourceRevisionId\":\"" + Seed.REVISION2_ID + "\",\"sourceModelId\":\"" + Seed.MODEL_ID
                    + "\",\"targetRevisionId\":\"" + Seed.REVISION_ID + "\"}";
            assertThat(json(sc.postJson(PROD + "/alm/syncTasks", body)).at("/task/creationTime").isTextual()).isTrue();
        }
    }
}
