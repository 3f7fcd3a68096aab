package io.github.camelanaplan.component;

import java.util.List;
import java.util.Map;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.ClientStats;
import io.github.camelanaplan.simulator.FaultRule;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimAuth;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code anaplan} dev console, found the way Camel's tooling finds consoles, after real traffic. */
class DevConsoleTest extends AnaplanTestSupport {

    @Test
    void resolvedByNameAndShowsEachEngineInTextAndJson() {
        // traffic: an upload + import, one chunk answered 503 once (a retry)
        sim.faults().add(FaultRule.on("PUT", ".*/files/" + Seed.FILE_ID + "/chunks/0").respond(503));
        String csv = employeesCsv(20);
        template.requestBody("anaplan:import?actionId=" + Seed.IMPORT_ID, csv);
        template.requestBody("anaplan:workspaces", null, List.class);

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("anaplan");
        assertThat(console).isInstanceOf(AnaplanDevConsole.class);
        assertThat(console.getId()).isEqualTo("anaplan");
        assertThat(console.getDisplayName()).isEqualTo("Anaplan");
        assertThat(console.supportMediaType(DevConsole.MediaType.TEXT)).isTrue();
        assertThat(console.supportMediaType(DevConsole.MediaType.JSON)).isTrue();

        AnaplanClient client = context.getComponent("anaplan", AnaplanComponent.class).clients().snapshot().values()
                .iterator().next();
        ClientStats s = client.stats();
        assertThat(s.requests()).isGreaterThan(5);
        assertThat(s.retriesByCause()).containsEntry("HTTP 503", 1L);

        String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());
        assertThat(text).contains("Anaplan clients: 1")
                .contains("Client " + client.id())
                .contains("Auth method: basic")
                .contains("API URL: " + sim.apiUrl())
                .contains("Token expires: ")
                .contains("Requests: " + s.requests())
                .contains("Retries: 1 {HTTP 503=1}")
                .contains("Bytes sent: " + s.bytesSent())
                .contains("Bytes received: " + s.bytesReceived())
                .contains("Chunks uploaded: 1")
                .contains("Uncompressed bytes uploaded: " + csv.length())
                .contains("Chunks in flight: 0")
                .contains("Tasks started: 1")
                .contains("Tasks running: 0");

        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON, Map.of());
        JsonArray clients = (JsonArray) json.get("clients");
        assertThat(clients).hasSize(1);
        JsonObject c = (JsonObject) clients.get(0);
        assertThat(c.getInteger("id")).isEqualTo(client.id());
        assertThat(c.getString("authMethod")).isEqualTo("basic");
        assertThat(c.getString("apiUrl")).isEqualTo(sim.apiUrl());
        assertThat(c.getString("tokenExpiresAt")).isNotBlank();
        assertThat(c.getLong("tokenExpiresInSeconds")).isPositive();
        assertThat(c.getLong("tokenRenewals")).isEqualTo(1L);
        assertThat(c.getLong("requests")).isEqualTo(s.requests());
        assertThat(c.getLong("retries")).isEqualTo(1L);
        assertThat(((JsonObject) c.get("retriesByCause"))).containsEntry("HTTP 503", 1L);
        assertThat(c.getLong("bytesSent")).isEqualTo(s.bytesSent()).isPositive();
        assertThat(c.getLong("bytesReceived")).isEqualTo(s.bytesReceived()).isPositive();
        assertThat(c.getLong("chunksUploaded")).isEqualTo(1L);
        assertThat(c.getLong("uncompressedBytesUploaded")).isEqualTo(csv.length());
        assertThat(c.getInteger("chunksInFlight")).isZero();
        assertThat(c.getLong("tasksStarted")).isEqualTo(1L);
        assertThat(c.getInteger("tasksRunning")).isZero();

        String all = text + json.toJson();
        assertThat(all).doesNotContain(Seed.USERNAME);
        for (String secret : SimAuth.secretsOfThisJvm()) {
            assertThat(all).doesNotContain(secret);
        }
    }

    @Test
    void noEngineNoBlocks() {
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("anaplan");
        assertThat((String) console.call(DevConsole.MediaType.TEXT, Map.of())).isEqualTo("Anaplan clients: 0\n");
        assertThat(((JsonObject) console.call(DevConsole.MediaType.JSON, Map.of())).get("clients"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).isEmpty();
    }
}
