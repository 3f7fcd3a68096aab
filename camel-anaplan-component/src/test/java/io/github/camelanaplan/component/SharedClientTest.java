package io.github.camelanaplan.component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.bulk.AnaplanFile;
import io.github.camelanaplan.client.tenant.Model;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimulatorOptions;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Connection sharing, paging, and what happens when the context stops. */
class SharedClientTest extends AnaplanTestSupport {

    @Override
    protected SimulatorOptions simulatorOptions() {
        // pages of two: every listing needs several requests
        return super.simulatorOptions().maxPageSize(2);
    }

    @Test
    void endpointsWithTheSameCredentialsShareOneLoginAndPool() throws Exception {
        template.requestBody("anaplan:files", null, List.class);
        template.requestBodyAndHeader("anaplan:files?timeout=30s", null, AnaplanConstants.MODEL_ID, Seed.MODEL2_ID, List.class);
        template.requestBody("anaplan:workspaces", null, List.class);
        assertThat(sim.auth().authenticationCount()).isEqualTo(1);

        // other credentials: another connection, another login
        sim.auth().addUser("other@example.com", "Other-Passw0rd!");
        template.requestBody("anaplan:workspaces?username=other@example.com&password=Other-Passw0rd!", null, List.class);
        assertThat(sim.auth().authenticationCount()).isEqualTo(2);
    }

    @Test
    void theLastEndpointToStopLogsOut() throws Exception {
        Endpoint first = context.getEndpoint("anaplan:files");
        Endpoint second = context.getEndpoint("anaplan:exports");
        template.requestBody(first, null, List.class);
        template.requestBody(second, null, List.class);
        context.removeEndpoint(first);
        assertThat(sim.auth().logoutCount()).isZero();
        context.removeEndpoint(second);
        assertThat(sim.auth().logoutCount()).isEqualTo(1);
    }

    @Test
    void listingsFollowPagingToTheEnd() {
        for (int i = 0; i < 5; i++) {
            model().addFile("11300000010" + i, "Extra " + i + ".csv");
        }
        List<?> files = template.requestBody("anaplan:files", null, List.class);
        assertThat(files).extracting(f -> ((AnaplanFile) f).id()).doesNotHaveDuplicates()
                .contains(Seed.FILE_ID, Seed.FILE2_ID, "113000000100", "113000000104");
        int total = files.size();
        assertThat(sim.journal().count("GET", ".*/models/" + Seed.MODEL_ID + "/files")).isEqualTo((total + 1) / 2);
        List<?> models = template.requestBody("anaplan:models", null, List.class);
        assertThat(models).extracting(m -> ((Model) m).id()).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void stoppingTheContextCancelsTasksStillBeingWaitedOn() throws Exception {
        model().setTaskDuration(Seed.EXPORT_ID, Duration.ofSeconds(60));
        Future<Exchange> pending = template.asyncSend("anaplan:export?actionId=" + Seed.EXPORT_ID, e -> { });
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !model().tasks(Seed.EXPORT_ID).isEmpty());
        context.stop();
        Exchange result = pending.get(10, TimeUnit.SECONDS);
        assertThat(result.getException()).isInstanceOf(AnaplanActionException.class)
                .hasMessageContaining("shutting down");
        assertThat(sim.journal().count("DELETE", ".*/exports/" + Seed.EXPORT_ID + "/tasks/.*")).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> model().tasks(Seed.EXPORT_ID).get(0).state().name().equals("CANCELLED"));
        assertThat(sim.auth().logoutCount()).isEqualTo(1);
    }
}
