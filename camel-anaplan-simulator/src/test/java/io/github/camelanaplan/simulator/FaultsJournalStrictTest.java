package io.github.camelanaplan.simulator;

import static io.github.camelanaplan.simulator.SimClient.json;
import static io.github.camelanaplan.simulator.SimClient.ws;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsJournalStrictTest {

    AnaplanSimulator sim;
    SimClient c;

    @BeforeEach
    void start() throws Exception {
        sim = AnaplanSimulator.start(SimulatorOptions.defaults().taskDuration(Duration.ofMillis(50)));
        c = new SimClient(sim).login();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void respondWithRetryAfterOnOccurrence() throws Exception {
        FaultRule rule = sim.faults().add(FaultRule.on("GET", "/2/0/workspaces").occurrence(2).times(2).respond(503).retryAfter("2"));
        assertThat(c.get("/workspaces").statusCode()).isEqualTo(200);
        HttpResponse<String> r = c.get("/workspaces");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(json(r).at("/status/code").asInt()).isEqualTo(503);
        assertThat(json(r).at("/path").asText()).isEqualTo("/2/0/workspaces");
        assertThat(c.get("/workspaces").statusCode()).isEqualTo(503);
        assertThat(c.get("/workspaces").statusCode()).isEqualTo(200);
        assertThat(rule.firedCount()).isEqualTo(2);
        assertThat(sim.faults().fired()).hasSize(2);
        assertThat(sim.journal().entries().stream().filter(e -> e.faultApplied() != null).count()).isEqualTo(2);
        sim.faults().add(FaultRule.on("*", "/2/0/models").respond(429).retryAfter("Wed, 21 Oct 2026 07:28:00 GMT"));
        assertThat(c.get("/models").headers().firstValue("Retry-After")).hasValue("Wed, 21 Oct 2026 07:28:00 GMT");
    }

    @Test
    void resetBeforeResponseDoesNotProcess() throws Exception {
        sim.faults().add(FaultRule.on("POST", ".*/imports/.*/tasks").times(2).resetBeforeResponse());
        assertThatThrownBy(() -> c.postJson(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks", "{\"localeName\":\"en_US\"}"))
                .isInstanceOf(IOException.class);
        assertThat(sim.tenant().model(Seed.MODEL_ID).taskStarts(Seed.IMPORT_ID)).isZero();
        assertThat(sim.journal().entries().get(sim.journal().entries().size() - 1).status()).isEqualTo(-1);
        // with --add-opens (set for this module's tests) the reset is a real RST
        assertThat(ConnectionReset.available()).isTrue();
        java.net.http.HttpClient plain = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        assertThatThrownBy(() -> plain.send(c.api(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"localeName\":\"en_US\"}")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void resetAfterProcessingChangesState() throws Exception {
        sim.faults().add(FaultRule.on("POST", ".*/imports/.*/tasks").resetAfterProcessing());
        assertThatThrownBy(() -> c.postJson(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks", "{\"localeName\":\"en_US\"}"))
                .isInstanceOf(IOException.class);
        assertThat(sim.tenant().model(Seed.MODEL_ID).taskStarts(Seed.IMPORT_ID)).isEqualTo(1);
        // the connection pool recovers
        assertThat(c.get("/workspaces").statusCode()).isEqualTo(200);
    }

    @Test
    void delayExceedsClientTimeout() throws Exception {
        sim.faults().add(FaultRule.on("GET", "/2/0/workspaces").delay(Duration.ofMillis(800)));
        HttpRequest req = c.api("/workspaces").timeout(Duration.ofMillis(200)).GET().build();
        assertThatThrownBy(() -> c.http.send(req, HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void truncatedHtmlEmptyBodies() throws Exception {
        sim.faults().add(FaultRule.on("GET", "/2/0/workspaces").truncatedJson());
        assertThatThrownBy(() -> c.get("/workspaces")).isInstanceOf(IOException.class);
        sim.faults().clear();
        sim.faults().add(FaultRule.on("GET", "/2/0/workspaces").htmlErrorPage());
        HttpResponse<String> html = c.get("/workspaces");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.body()).contains("<html>");
        sim.faults().add(FaultRule.on("GET", "/2/0/models").emptyBody());
        HttpResponse<String> empty = c.get("/models");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).isEmpty();
    }

    @Test
    void expireTokenFaultOnApiAndAuthPaths() throws Exception {
        sim.faults().add(FaultRule.on("GET", "/2/0/models").expireToken());
        assertThat(c.get("/models").statusCode()).isEqualTo(401);
        assertThat(sim.auth().isTokenValid(c.token)).isFalse();
        sim.faults().add(FaultRule.on("POST", "/token/authenticate").respond(500));
        assertThatThrownBy(() -> c.login()).hasMessageContaining("500");
        c.login();
        assertThat(c.get("/models").statusCode()).isEqualTo(200);
    }

    @Test
    void journalRecordsWithoutSecrets() throws Exception {
        sim.journal().clear();
        c.login();
        c.put(ws() + "/files/" + Seed.FILE_ID, "application/octet-stream", "abc\n".getBytes());
        c.get("/workspaces?limit=1");
        assertThat(sim.journal().count("POST", "/token/authenticate")).isEqualTo(1);
        JournalEntry auth = sim.journal().matching("POST", "/token/authenticate").get(0);
        assertThat(auth.headers().get("authorization")).isEqualTo("Basic");
        assertThat(auth.tokenState()).isEqualTo(TokenState.NONE);
        assertThat(auth.status()).isEqualTo(201);
        assertThat(auth.responseBodySize()).isPositive();
        JournalEntry put = sim.journal().matching("PUT", ".*/files/113000000000").get(0);
        assertThat(put.headers().get("Authorization")).isEqualTo("AnaplanAuthToken");
        assertThat(put.requestBodySize()).isEqualTo(4);
        assertThat(put.contentType()).isEqualTo("application/octet-stream");
        assertThat(put.status()).isEqualTo(204);
        assertThat(put.tokenState()).isEqualTo(TokenState.VALID);
        JournalEntry get = sim.journal().matching("GET", "/2/0/workspaces").get(0);
        assertThat(get.query()).isEqualTo("limit=1");
        assertThat(get.endNanos()).isGreaterThanOrEqualTo(get.startNanos());
        String all = sim.journal().entries().toString() + sim.journal().entries().stream().map(e -> e.headers().toString()).reduce("", String::concat);
        assertThat(all).doesNotContain(c.token).doesNotContain(Seed.PASSWORD);
    }

    @Test
    void strictModeViolations() throws Exception {
        try (AnaplanSimulator s = AnaplanSimulator.start(SimulatorOptions.defaults().strict(true))) {
            SimClient sc = new SimClient(s).login();
            String f = ws() + "/files/" + Seed.FILE_ID;
            sc.postJson(f, "{\"chunkCount\":2}");
            assertThat(sc.put(f + "/chunks/0", "text/plain", "x".getBytes()).statusCode()).isEqualTo(400);
            assertThat(sc.put(f + "/chunks/0", "application/x-gzip", "x".getBytes()).statusCode()).isEqualTo(400);
            assertThat(sc.put(f + "/chunks/5", "application/octet-stream", "x".getBytes()).statusCode()).isEqualTo(400);
            assertThat(sc.postJson(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks", "{}").statusCode()).isEqualTo(400);
            assertThat(sc.postJson(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks", "locale=en").statusCode()).isEqualTo(400);
            HttpResponse<String> bearer = sc.send(HttpRequest.newBuilder(URI.create(s.authUrl() + "/token/refresh"))
                    .header("Authorization", "Bearer " + sc.token).POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(bearer.statusCode()).isEqualTo(400);
            assertThat(sc.get("/workspaces?password=" + java.net.URLEncoder.encode(Seed.PASSWORD, "UTF-8")).statusCode()).isEqualTo(400);
            assertThat(sc.send(sc.api("/workspaces").header("X-Debug", "token " + sc.token).GET()).statusCode()).isEqualTo(400);
            assertThat(sc.send(sc.api("/workspaces").header("X-Key", "-----BEGIN PRIVATE KEY-----").GET()).statusCode()).isEqualTo(400);
            assertThat(s.strictViolations()).hasSize(9);
            assertThat(s.strictViolations().get(0)).contains("Content-Type");
            assertThat(String.join("\n", s.strictViolations())).doesNotContain(sc.token).doesNotContain(Seed.PASSWORD);
        }
        // lenient: other content types are accepted
        String f = ws() + "/files/" + Seed.FILE_ID;
        assertThat(c.put(f + "/chunks/0", "text/plain", "x".getBytes()).statusCode()).isEqualTo(204);
        assertThat(sim.strictViolations()).isEmpty();
    }

    @Test
    void pagingOverSeveralPages() throws Exception {
        try (AnaplanSimulator s = AnaplanSimulator.start(SimulatorOptions.defaults().maxPageSize(3))) {
            for (int i = 0; i < 7; i++) {
                s.tenant().addWorkspace(String.format("%032x", i + 1), "WS " + i);
            }
            SimClient sc = new SimClient(s).login();
            JsonNode p1 = json(sc.get("/workspaces"));
            assertThat(p1.at("/meta/paging/currentPageSize").asInt()).isEqualTo(3);
            assertThat(p1.at("/meta/paging/totalSize").asInt()).isEqualTo(8);
            assertThat(p1.at("/meta/paging/offset").asInt()).isZero();
            assertThat(p1.at("/meta/paging/previous").isMissingNode()).isTrue();
            String next = p1.at("/meta/paging/next").asText();
            assertThat(next).isEqualTo(s.apiUrl() + "/workspaces?limit=3&offset=3");
            JsonNode p2 = json(sc.get(next));
            assertThat(p2.at("/meta/paging/previous").asText()).endsWith("offset=0");
            JsonNode p3 = json(sc.get("/workspaces?limit=2&offset=6"));
            assertThat(p3.at("/meta/paging/currentPageSize").asInt()).isEqualTo(2);
            assertThat(p3.at("/meta/paging/next").isMissingNode()).isTrue();
            JsonNode beyond = json(sc.get("/workspaces?offset=50"));
            assertThat(beyond.has("workspaces")).isFalse();
            assertThat(json(sc.get("/workspaces?limit=100")).at("/meta/paging/currentPageSize").asInt()).isEqualTo(3);
        }
    }

    @Test
    void unknownPathsAndMethods() throws Exception {
        HttpResponse<String> r = c.get("/nothing/here");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).at("/status/message").asText()).isEqualTo("Not Found");
        assertThat(c.send(c.api("/workspaces").DELETE()).statusCode()).isEqualTo(405);
        assertThat(c.get("/workspaces/" + Seed.WORKSPACE_ID + "/models/" + Seed.MODEL_ID).statusCode()).isEqualTo(405);
    }

    @Test
    void manyConcurrentConnections() throws Exception {
        HttpClient h = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        SimClient sc = new SimClient(sim, h);
        sc.token = c.token;
        sim.faults().add(FaultRule.on("GET", "/2/0/users/me").delay(Duration.ofMillis(300)).always());
        var futures = new java.util.ArrayList<java.util.concurrent.CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 40; i++) {
            futures.add(h.sendAsync(sc.api("/users/me").GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (var f : futures) {
            assertThat(f.get().statusCode()).isEqualTo(200);
        }
        assertThat(sim.journal().maxConcurrency("/2/0/users/me")).isGreaterThanOrEqualTo(30);
    }
}
