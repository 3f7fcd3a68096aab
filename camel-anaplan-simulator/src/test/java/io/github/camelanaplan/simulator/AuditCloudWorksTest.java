package io.github.camelanaplan.simulator;

import static io.github.camelanaplan.simulator.SimClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditCloudWorksTest {

    AnaplanSimulator sim;
    SimClient c;

    @BeforeEach
    void start() throws Exception {
        sim = AnaplanSimulator.start(SimulatorOptions.defaults().taskDuration(Duration.ofMillis(60)));
        c = new SimClient(sim).login();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> audit(String pathAndQuery) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(sim.auditUrl() + pathAndQuery)).header("Authorization", "AnaplanAuthToken " + c.token).GET());
    }

    private HttpResponse<String> cw(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.cloudWorksUrl() + path)).header("Authorization", "AnaplanAuthToken " + c.token);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return c.send(b);
    }

    @Test
    void auditEventsPagingTypesAndLimits() throws Exception {
        long now = System.currentTimeMillis();
        JsonNode all = json(audit("/events?type=all&dateFrom=" + (now - 10 * 86_400_000L) + "&dateTo=" + (now + 1000) + "&limit=10"));
        assertThat(all.at("/meta/paging/currentPageSize").asInt()).isEqualTo(10);
        assertThat(all.at("/meta/paging/totalSize").asInt()).isEqualTo(41);
        assertThat(all.at("/meta/paging/offSet").asInt()).isZero();
        assertThat(all.at("/meta/paging/nextOffset").asInt()).isEqualTo(10);
        assertThat(all.at("/meta/paging/nextUrl").asText()).contains("offset=10");
        JsonNode e = all.at("/response/0");
        assertThat(e.get("eventTypeId").asText()).isNotBlank();
        assertThat(e.get("eventDate").asLong()).isLessThan(all.at("/response/9/eventDate").asLong());
        assertThat(e.get("eventTimeZone").asText()).isEqualTo("UTC");
        assertThat(e.get("checksum").isTextual()).isTrue();
        JsonNode last = json(audit("/events?type=all&dateFrom=" + (now - 10 * 86_400_000L) + "&dateTo=" + (now + 1000) + "&limit=10&offset=40"));
        assertThat(last.at("/meta/paging/currentPageSize").asInt()).isEqualTo(1);
        assertThat(last.at("/meta/paging/nextOffset").isMissingNode()).isTrue();
        assertThat(last.at("/response/0/eventTypeId").asText()).isEqualTo("USR-8");

        JsonNode logins = json(audit("/events?type=user_activity&intervalInHours=720"));
        assertThat(logins.at("/meta/paging/totalSize").asInt()).isEqualTo(9);
        assertThat(json(audit("/events?type=bogus&intervalInHours=720")).at("/meta/paging/totalSize").asInt()).isEqualTo(41);

        HttpResponse<String> tooLong = audit("/events?dateFrom=" + (now - 31 * 86_400_000L) + "&dateTo=" + now);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).get("statusMessage").asText()).isEqualTo("Date range cannot exceed 30 days");
        assertThat(audit("/events?intervalInHours=721").statusCode()).isEqualTo(400);

        HttpResponse<String> search = c.send(HttpRequest.newBuilder(URI.create(sim.auditUrl() + "/events/search?type=int"))
                .header("Authorization", "AnaplanAuthToken " + c.token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"interval\":240}")));
        assertThat(json(search).at("/meta/paging/totalSize").asInt()).isEqualTo(8);
        HttpResponse<String> cef = c.send(HttpRequest.newBuilder(URI.create(sim.auditUrl() + "/events?intervalInHours=24"))
                .header("Authorization", "AnaplanAuthToken " + c.token).header("Accept", "text/plain").GET());
        assertThat(cef.body()).startsWith("CEF:0|Anaplan|Audit|");
        sim.audit().addEvent("BYOK-1", "byok", Seed.USERNAME, "Key rotated", now);
        assertThat(json(audit("/events?type=byok&intervalInHours=1")).at("/response/0/message").asText()).isEqualTo("Key rotated");
    }

    @Test
    void cloudWorksIntegrationsAndRuns() throws Exception {
        JsonNode list = json(cw("GET", "/integrations?offset=0&limit=10", null));
        assertThat(list.at("/status/code").asInt()).isEqualTo(200);
        assertThat(list.at("/integrations/0/integrationId").asText()).isEqualTo(Seed.INTEGRATION_ID);
        assertThat(list.at("/meta/paging/totalSize").asInt()).isEqualTo(1);
        JsonNode one = json(cw("GET", "/integrations/" + Seed.INTEGRATION_ID, null));
        assertThat(one.at("/integration/processId").asText()).isEqualTo(Seed.PROCESS_ID);

        sim.tenant().model(Seed.MODEL_ID).rejectRowsMatching(Seed.IMPORT_ID, Pattern.compile("Sales"));
        HttpResponse<String> run = cw("POST", "/integrations/" + Seed.INTEGRATION_ID + "/run", null);
        assertThat(run.statusCode()).isEqualTo(200);
        String runId = json(run).at("/run/id").asText();
        assertThat(runId).hasSize(32);
        assertThat(cw("POST", "/integrations/" + Seed.INTEGRATION_ID + "/run", null).statusCode()).isEqualTo(409);
        JsonNode status;
        int i = 0;
        do {
            Thread.sleep(20);
            status = json(cw("GET", "/integrations/run/" + runId, null));
        } while (status.at("/run/success").isNull() && i++ < 200);
        assertThat(status.at("/run/success").asBoolean()).isTrue();
        assertThat(status.at("/run/endDate").asText()).endsWith("Z");
        assertThat(sim.tenant().model(Seed.MODEL_ID).taskStarts(Seed.PROCESS_ID)).isEqualTo(1);
        assertThat(cw("GET", "/integrations/run/" + runId + "/dumps", null).body()).contains("Bob Jones");
        assertThat(cw("GET", "/integrations/run/" + runId + "/dump", null).statusCode()).isEqualTo(200);
        assertThat(cw("GET", "/integrations/run/" + runId + "/process/import/" + Seed.IMPORT_ID + "/dumps", null).statusCode()).isEqualTo(200);
        JsonNode history = json(cw("GET", "/integrations/runs/" + Seed.INTEGRATION_ID, null));
        assertThat(history.at("/history_of_runs/totalRuns").asInt()).isEqualTo(1);

        HttpResponse<String> created = cw("POST", "/integrations", "{\"name\":\"S3 load\",\"version\":\"2.0\",\"workspaceId\":\"" + Seed.WORKSPACE_ID
                + "\",\"modelId\":\"" + Seed.MODEL_ID + "\",\"jobs\":[]}");
        String id = json(created).at("/integration/integrationId").asText();
        sim.cloudWorks().failNextRun(id);
        String run2 = json(cw("POST", "/integrations/" + id + "/run", null)).at("/run/id").asText();
        Thread.sleep(200);
        JsonNode failed = json(cw("GET", "/integrations/run/" + run2, null));
        assertThat(failed.at("/run/success").asBoolean()).isFalse();
        assertThat(json(cw("GET", "/integrations/runerror/" + run2, null)).at("/runs/errorMessages/0").asText()).isNotBlank();
        assertThat(cw("PUT", "/integrations/" + id, "{\"name\":\"Renamed\"}").statusCode()).isEqualTo(200);
        assertThat(json(cw("GET", "/integrations/" + id, null)).at("/integration/name").asText()).isEqualTo("Renamed");
        assertThat(cw("DELETE", "/integrations/" + id, null).statusCode()).isEqualTo(200);
        assertThat(cw("GET", "/integrations/" + id, null).statusCode()).isEqualTo(404);
        assertThat(cw("POST", "/integrations", "{\"name\":\"x\"}").statusCode()).isEqualTo(400);

        String conn = json(cw("POST", "/integrations/connections", "{\"type\":\"AmazonS3\",\"body\":{\"name\":\"bucket\"}}")).at("/connections/connectionId").asText();
        assertThat(json(cw("GET", "/integrations/connections", null)).at("/connections/0/name").asText()).isEqualTo("bucket");
        assertThat(cw("PATCH", "/integrations/connections/" + conn, "{\"body\":{\"name\":\"b2\"}}").statusCode()).isEqualTo(200);
        assertThat(cw("DELETE", "/integrations/connections/" + conn, null).statusCode()).isEqualTo(200);
        assertThat(cw("GET", "/integrations", null).statusCode()).isEqualTo(200);
        HttpResponse<String> noAuth = c.send(HttpRequest.newBuilder(URI.create(sim.cloudWorksUrl() + "/integrations")).GET());
        assertThat(noAuth.statusCode()).isEqualTo(401);
    }

    @Test
    void cloudWorksCancel() throws Exception {
        sim.tenant().model(Seed.MODEL_ID).setTaskDuration(Seed.PROCESS_ID, Duration.ofSeconds(5));
        String runId = json(cw("POST", "/integrations/" + Seed.INTEGRATION_ID + "/run", null)).at("/run/id").asText();
        assertThat(cw("POST", "/integrations/" + Seed.INTEGRATION_ID + "/cancel", null).statusCode()).isEqualTo(200);
        Thread.sleep(300);
        JsonNode st = json(cw("GET", "/integrations/run/" + runId, null));
        assertThat(st.at("/run/success").asBoolean()).isFalse();
        assertThat(st.at("/run/executionErrorCode").asText()).isEqualTo("CANCELLED");
    }
}
