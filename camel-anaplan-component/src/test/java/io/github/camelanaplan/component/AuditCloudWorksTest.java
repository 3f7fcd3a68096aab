package io.github.camelanaplan.component;

import java.util.List;

import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.audit.AuditEvent;
import io.github.camelanaplan.client.cloudworks.Integration;
import io.github.camelanaplan.client.cloudworks.IntegrationRun;
import io.github.camelanaplan.client.error.UnknownOutcomeException;
import io.github.camelanaplan.simulator.FaultRule;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimAudit;
import io.github.camelanaplan.simulator.SimulatorOptions;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditCloudWorksTest extends AnaplanTestSupport {

    @Override
    protected SimulatorOptions simulatorOptions() {
        // small pages so reading all events follows the paging
        return super.simulatorOptions().maxPageSize(7);
    }

    @Test
    void auditEventsOfARangeAllPagesTyped() {
        long now = System.currentTimeMillis();
        @SuppressWarnings("unchecked")
        List<AuditEvent> events = template.requestBody("anaplan:audit/events?auditType=access_control&dateFrom="
                                                       + (now - 5 * 86_400_000L) + "&dateTo=" + now, (Object) null,
                List.class);
        List<SimAudit.Event> expected = sim.audit().events().stream().filter(e -> e.type().equals("access_control"))
                .toList();
        assertThat(expected).hasSizeGreaterThan(7);
        assertThat(events).extracting(AuditEvent::id)
                .containsExactlyElementsOf(expected.stream().map(e -> Long.toString(e.id())).toList());
        assertThat(events.get(0).eventTypeId()).isEqualTo("ACC-2");
        assertThat(events.get(0).eventDate()).isEqualTo(expected.get(0).eventDate());
        @SuppressWarnings("unchecked")
        List<AuditEvent> lastDay = template.requestBody("anaplan:audit/events?intervalInHours=24", (Object) null,
                List.class);
        assertThat(lastDay).isNotEmpty().allMatch(e -> e.eventDate() >= now - 86_400_000L - 60_000);
        // ISO dates are accepted too
        @SuppressWarnings("unchecked")
        List<AuditEvent> iso = template.requestBody("anaplan:audit/events?auditType=access_control&dateFrom="
                                                    + java.time.Instant.ofEpochMilli(now - 5 * 86_400_000L), (Object) null,
                List.class);
        assertThat(iso).hasSameSizeAs(events);
    }

    @Test
    void aRangeOverThirtyDaysFailsBeforeTheCall() {
        long now = System.currentTimeMillis();
        assertThatThrownBy(() -> template.requestBody("anaplan:audit/events?dateFrom=" + (now - 31 * 86_400_000L)
                                                      + "&dateTo=" + now, (Object) null))
                .hasRootCauseMessage("audit range is 744 hours; the Audit API answers at most 30 days (720 hours)");
        assertThatThrownBy(() -> template.requestBody("anaplan:audit/events", (Object) null))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(sim.journal().count("GET", ".*/events")).isZero();
    }

    @Test
    void cloudWorksIntegrationsRunAndStatus() {
        @SuppressWarnings("unchecked")
        List<Integration> integrations = template.requestBody("anaplan:cloudworks/integrations", (Object) null,
                List.class);
        assertThat(integrations).extracting(Integration::integrationId).contains(Seed.INTEGRATION_ID);
        Exchange run = template.request("anaplan:cloudworks/run?integrationId=" + Seed.INTEGRATION_ID, e -> { });
        assertThat(run.getException()).isNull();
        IntegrationRun finished = run.getMessage().getBody(IntegrationRun.class);
        assertThat(finished.success()).isTrue();
        assertThat(finished.endDate()).isNotBlank();
        assertThat(model().taskStarts(Seed.PROCESS_ID)).isEqualTo(1);
        IntegrationRun status = template.requestBodyAndHeader("anaplan:cloudworks/runStatus", null,
                AnaplanConstants.TASK_ID, finished.id(), IntegrationRun.class);
        assertThat(status.id()).isEqualTo(finished.id());
        assertThat(status.success()).isTrue();
    }

    @Test
    void aFailedRunRaisesItsError() {
        sim.cloudWorks().failNextRun(Seed.INTEGRATION_ID);
        Exchange run = template.request("anaplan:cloudworks/run?integrationId=" + Seed.INTEGRATION_ID, e -> { });
        assertThat(run.getException()).isInstanceOf(AnaplanActionException.class).hasMessageContaining("failed")
                .hasMessageContaining("PROCESS_FAILED");
        assertThat(run.getMessage().getHeader(AnaplanConstants.TASK_ID, String.class)).isNotBlank();
    }

    @Test
    void aRunStartWhoseAnswerIsLostIsSettledThroughTheRunHistory() {
        sim.faults().add(FaultRule.on("POST", ".*/integrations/" + Seed.INTEGRATION_ID + "/run").resetAfterProcessing());
        Exchange run = template.request("anaplan:cloudworks/run?integrationId=" + Seed.INTEGRATION_ID, e -> { });
        assertThat(run.getException()).isNull();
        assertThat(run.getMessage().getBody(IntegrationRun.class).success()).isTrue();
        assertThat(sim.cloudWorks().runs(Seed.INTEGRATION_ID)).hasSize(1);
        assertThat(sim.journal().count("POST", ".*/integrations/" + Seed.INTEGRATION_ID + "/run")).isEqualTo(1);
    }

    @Test
    void aRunStartThatNeverArrivedIsNotSentAgain() {
        sim.faults().add(FaultRule.on("POST", ".*/integrations/" + Seed.INTEGRATION_ID + "/run").resetBeforeResponse());
        Exchange run = template.request("anaplan:cloudworks/run?integrationId=" + Seed.INTEGRATION_ID, e -> { });
        assertThat(run.getException()).isInstanceOf(UnknownOutcomeException.class);
        assertThat(sim.cloudWorks().runs(Seed.INTEGRATION_ID)).isEmpty();
        assertThat(sim.journal().count("POST", ".*/integrations/" + Seed.INTEGRATION_ID + "/run")).isEqualTo(1);
    }
}
