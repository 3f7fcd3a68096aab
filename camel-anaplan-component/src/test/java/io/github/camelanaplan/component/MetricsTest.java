package io.github.camelanaplan.component;

import java.util.List;
import java.util.regex.Pattern;

import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.ClientStats;
import io.github.camelanaplan.client.bulk.RowCounts;
import io.github.camelanaplan.simulator.FaultRule;
import io.github.camelanaplan.simulator.Seed;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Micrometer meters, fed by real traffic against the simulator, with a MeterRegistry in the Camel registry. */
class MetricsTest extends AnaplanTestSupport {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("meterRegistry", MeterRegistry.class, meters);
        return context;
    }

    @Test
    void uploadsTasksRowsRetriesAndClientCountersAreMetered() {
        sim.faults().add(FaultRule.on("PUT", ".*/files/" + Seed.FILE_ID + "/chunks/0").respond(503));
        model().rejectRowsMatching(Seed.IMPORT_ID, Pattern.compile("Employee 3,"));
        String csv = employeesCsv(30);
        Exchange ok = template.request("anaplan:import?actionId=" + Seed.IMPORT_ID, e -> e.getMessage().setBody(csv));
        assertThat(ok.getException()).isNull();
        model().failNextTask(Seed.IMPORT_ID);
        Exchange failed = template.request("anaplan:import?actionId=" + Seed.IMPORT_ID, e -> e.getMessage().setBody(csv));
        assertThat(failed.getException()).isNotNull();
        template.requestBody("anaplan:export?streaming=false&actionId=" + Seed.EXPORT_ID, null, byte[].class);

        Tags upload = Tags.of("operation", "upload", "modelId", Seed.MODEL_ID);
        assertThat(meters.get("anaplan.upload.bytes").tags(upload).counter().count()).isEqualTo(2.0 * csv.length());
        double compressed = meters.get("anaplan.upload.bytes.compressed").tags(upload).counter().count();
        assertThat(compressed).isPositive().isLessThan(2.0 * csv.length());
        assertThat(meters.get("anaplan.upload.chunks").tags(upload).counter().count()).isEqualTo(2.0);
        assertThat(meters.get("anaplan.upload.compression.ratio").tags(upload).summary().count()).isEqualTo(2);
        assertThat(meters.get("anaplan.upload.compression.ratio").tags(upload).summary().mean()).isGreaterThan(1.0);
        assertThat(meters.get("anaplan.upload.duration").tags(upload).tag("outcome", "success").timer().count())
                .isEqualTo(2);

        Tags imports = Tags.of("operation", "import", "modelId", Seed.MODEL_ID);
        Timer success = meters.get("anaplan.task.duration").tags(imports).tag("outcome", "success").timer();
        assertThat(success.count()).isEqualTo(1);
        assertThat(success.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isPositive();
        assertThat(meters.get("anaplan.task.duration").tags(imports).tag("outcome", "failed").timer().count())
                .isEqualTo(1);
        assertThat(meters.get("anaplan.task.duration").tags("operation", "export", "modelId", Seed.MODEL_ID)
                .tag("outcome", "success").timer().count()).isEqualTo(1);
        // rows: the successful run's (29 processed, 1 failed) plus what the failed run reported
        RowCounts failedRows = failed.getException(AnaplanActionException.class).getTaskStatus().result().rowCounts();
        assertThat(ok.getMessage().getHeader(AnaplanConstants.ROWS_FAILED)).isEqualTo(1L);
        assertThat(meters.get("anaplan.task.rows").tags(imports).tag("rows", "processed").counter().count())
                .isEqualTo(29.0 + orZero(failedRows.processed()));
        assertThat(meters.get("anaplan.task.rows").tags(imports).tag("rows", "failed").counter().count())
                .isEqualTo(1.0 + orZero(failedRows.failed()));

        AnaplanClient client = context.getComponent("anaplan", AnaplanComponent.class).clients().snapshot().values()
                .iterator().next();
        ClientStats s = client.stats();
        Tags clientTags = Tags.of("client", String.valueOf(client.id()), "authMethod", "basic");
        assertThat(meters.get("anaplan.client.retries").tags(clientTags).tag("cause", "HTTP 503").counter().count())
                .isEqualTo(1.0);
        assertThat(meters.get("anaplan.client.requests").tags(clientTags).functionCounter().count())
                .isEqualTo(s.requests());
        assertThat(meters.get("anaplan.client.bytes.sent").tags(clientTags).functionCounter().count())
                .isEqualTo(s.bytesSent()).isPositive();
        assertThat(meters.get("anaplan.client.bytes.received").tags(clientTags).functionCounter().count())
                .isEqualTo(s.bytesReceived()).isPositive();
        assertThat(meters.get("anaplan.client.chunks.uploaded").tags(clientTags).functionCounter().count())
                .isEqualTo(2.0);
        assertThat(meters.get("anaplan.client.chunks.downloaded").tags(clientTags).functionCounter().count())
                .isEqualTo(s.chunksDownloaded()).isPositive();
        assertThat(meters.get("anaplan.client.token.renewals").tags(clientTags).functionCounter().count())
                .isEqualTo(1.0);
        assertThat(meters.get("anaplan.client.tasks.started").tags(clientTags).functionCounter().count())
                .isEqualTo(3.0);
        assertThat(meters.get("anaplan.client.tasks.running").tags(clientTags).gauge().value()).isZero();
        assertThat(meters.get("anaplan.client.chunks.inflight").tags(clientTags).gauge().value()).isZero();
    }

    private static double orZero(Long value) {
        return value == null ? 0 : value;
    }

    @Test
    void aFailedUploadIsTimedAsAFailure() {
        sim.faults().add(FaultRule.on("PUT", ".*/files/" + Seed.FILE_ID + "/chunks/0").always().respond(500));
        Exchange result = template.request("anaplan:upload?fileId=" + Seed.FILE_ID, e -> e.getMessage().setBody("a,b\n1,2\n"));
        assertThat(result.getException()).isNotNull();
        assertThat(meters.get("anaplan.upload.duration").tags("operation", "upload", "modelId", Seed.MODEL_ID)
                .tag("outcome", "failure").timer().count()).isEqualTo(1);
        assertThat(meters.find("anaplan.upload.bytes").counter()).isNull();
    }

    @Test
    void aClientsMetersGoAwayWithIt() {
        template.requestBody("anaplan:workspaces", null, List.class);
        assertThat(meters.find("anaplan.client.requests").functionCounters()).hasSize(1);
        context.stop();
        assertThat(meters.find("anaplan.client.requests").functionCounters()).isEmpty();
    }
}
