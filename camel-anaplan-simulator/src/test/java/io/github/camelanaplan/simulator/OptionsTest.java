package io.github.camelanaplan.simulator;

import static io.github.camelanaplan.simulator.SimClient.json;
import static io.github.camelanaplan.simulator.SimClient.ws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The selectable variants of the UNSURE points and the other options. */
class OptionsTest {

    @Test
    void optionsAreCopies() {
        SimulatorOptions a = SimulatorOptions.defaults();
        SimulatorOptions b = a.strict(true).taskDuration(Duration.ofSeconds(1));
        assertThat(a.strict()).isFalse();
        assertThat(b.strict()).isTrue();
        assertThat(a.taskDuration()).isEqualTo(Duration.ofMillis(300));
        assertThat(a.tokenTtl()).isEqualTo(Duration.ofMinutes(35));
        assertThat(a.maxPageSize()).isEqualTo(5000);
        assertThat(a.spillThresholdBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(a.authenticateStatus()).isEqualTo(201);
        assertThat(a.taskStartShape()).isEqualTo(TaskStartShape.FULL);
    }

    @Test
    void emptyUnauthorizedBodyAndEmptyCollections() throws Exception {
        try (AnaplanSimulator sim = AnaplanSimulator.start(SimulatorOptions.defaults().unauthorizedEnvelope(false).omitEmptyCollections(false))) {
            SimClient c = new SimClient(sim);
            HttpResponse<String> r = c.get("/workspaces");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).isEmpty();
            c.login();
            JsonNode tasks = json(c.get(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks"));
            assertThat(tasks.get("tasks").isArray()).isTrue();
            assertThat(tasks.get("tasks")).isEmpty();
        }
    }

    @Test
    void certificateVariants() throws Exception {
        TestCerts certs = new TestCerts("variant");
        try (AnaplanSimulator sim = AnaplanSimulator.start(SimulatorOptions.defaults().acceptCertV1(false)
                .certV2TimestampMillis(true).certV2SignatureCoversTimestamp(false))) {
            sim.auth().registerCertificate(certs.certificate);
            SimClient c = new SimClient(sim);
            assertThat(auth(c, sim, certs, certs.v1Body()).statusCode()).isEqualTo(401);
            byte[] random = new byte[120];
            new SecureRandom().nextBytes(random);
            byte[] data = ByteBuffer.allocate(8 + random.length).putLong(System.currentTimeMillis()).put(random).array();
            String body = "{\"encodedDataFormat\":\"v2\",\"encodedData\":\"" + Base64.getEncoder().encodeToString(data)
                    + "\",\"encodedSignedData\":\"" + Base64.getEncoder().encodeToString(certs.sign(Arrays.copyOfRange(data, 8, data.length))) + "\"}";
            assertThat(auth(c, sim, certs, body).statusCode()).isEqualTo(201);
            // the default (seconds) timestamp is now read as milliseconds: far in the past
            assertThat(auth(c, sim, certs, certs.v2Body(System.currentTimeMillis() / 1000)).statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<String> auth(SimClient c, AnaplanSimulator sim, TestCerts certs, String body) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(sim.authUrl() + "/token/authenticate"))
                .header("Authorization", certs.authorizationHeader()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void rejectWhenRunningAndNoUnchunkedProcessDump() throws Exception {
        try (AnaplanSimulator sim = AnaplanSimulator.start(SimulatorOptions.defaults().rejectTaskWhenModelRunning(true)
                .processDumpUnchunked(false).taskDuration(Duration.ofMillis(400)))) {
            SimClient c = new SimClient(sim).login();
            sim.tenant().model(Seed.MODEL_ID).rejectRowsMatching(Seed.IMPORT_ID, Pattern.compile("Finance"));
            HttpResponse<String> first = c.postJson(ws() + "/processes/" + Seed.PROCESS_ID + "/tasks", "{\"localeName\":\"en_US\"}");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(c.postJson(ws() + "/exports/" + Seed.EXPORT_ID + "/tasks", "{\"localeName\":\"en_US\"}").statusCode()).isEqualTo(409);
            String taskId = json(first).at("/task/taskId").asText();
            JsonNode done = c.waitTask("processes", Seed.PROCESS_ID, taskId);
            assertThat(done.at("/result/failureDumpAvailable").asBoolean()).isTrue();
            String base = ws() + "/processes/" + Seed.PROCESS_ID + "/tasks/" + taskId + "/dumps/" + Seed.IMPORT_ID;
            assertThat(c.get(base).statusCode()).isEqualTo(404);
            assertThat(c.get(base + "/chunks/0").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void rateLimitAndDumpChunking() throws Exception {
        try (AnaplanSimulator sim = AnaplanSimulator.start(SimulatorOptions.defaults().rateLimitPerMinute(3).dumpChunkSize(20)
                .taskDuration(Duration.ofMillis(20)).totalsSelectionSdkKeys(true))) {
            SimClient c = new SimClient(sim).login();
            for (int i = 0; i < 3; i++) {
                assertThat(c.get("/workspaces").statusCode()).isEqualTo(200);
            }
            HttpResponse<String> limited = c.get("/workspaces");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        }
        try (AnaplanSimulator sim = AnaplanSimulator.start(SimulatorOptions.defaults().dumpChunkSize(20)
                .taskDuration(Duration.ofMillis(20)).totalsSelectionSdkKeys(true))) {
            SimClient c = new SimClient(sim).login();
            assertThat(json(c.get("/models/" + Seed.MODEL_ID + "/modelCalendar")).at("/modelCalendar/totalsSelection/quarterTotals").asBoolean()).isTrue();
            sim.tenant().model(Seed.MODEL_ID).rejectRowsMatching(Seed.IMPORT_ID, Pattern.compile("E00[1-4]"));
            JsonNode done = c.runTask("imports", Seed.IMPORT_ID);
            String base = ws() + "/imports/" + Seed.IMPORT_ID + "/tasks/" + done.get("taskId").asText() + "/dump";
            String whole = c.get(base).body();
            JsonNode chunks = json(c.get(base + "/chunks"));
            int n = chunks.get("chunks").size();
            assertThat(n).isEqualTo((whole.length() + 19) / 20);
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < n; i++) {
                joined.append(c.get(base + "/chunks/" + i).body());
            }
            assertThat(joined.toString()).isEqualTo(whole);
        }
    }
}
