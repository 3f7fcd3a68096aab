package io.github.camelanaplan.component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.alm.AlmTask;
import io.github.camelanaplan.client.alm.AppliedToModel;
import io.github.camelanaplan.client.alm.Revision;
import io.github.camelanaplan.client.alm.SummaryReport;
import io.github.camelanaplan.simulator.FaultRule;
import io.github.camelanaplan.simulator.Seed;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlmOperationsTest extends AnaplanTestSupport {

    private static final String PROD = "&modelId=" + Seed.MODEL2_ID + "&sourceModelId=" + Seed.MODEL_ID;

    @SuppressWarnings("unchecked")
    private <T> List<T> list(String uri) {
        return template.requestBody(uri, (Object) null, List.class);
    }

    @Test
    void revisionsLatestAndAppliedDates() {
        List<Revision> all = list("anaplan:alm/revisions");
        assertThat(all).extracting(Revision::id).containsExactly(Seed.REVISION_ID, Seed.REVISION2_ID);
        String weekAgo = LocalDate.now(ZoneOffset.UTC).minusDays(7).toString();
        List<Revision> recent = list("anaplan:alm/revisions?appliedAfter=" + weekAgo);
        assertThat(recent).extracting(Revision::name).containsExactly("Release 1.1");
        List<Revision> older = list("anaplan:alm/revisions?appliedBefore=" + weekAgo);
        assertThat(older).extracting(Revision::name).containsExactly("Release 1.0");
        Revision latest = template.requestBody("anaplan:alm/latestRevision", (Object) null, Revision.class);
        assertThat(latest.id()).isEqualTo(Seed.REVISION2_ID);
        assertThat(latest.createdOn()).endsWith("Z");
    }

    @Test
    void createRevisionFromAMapBodyOrHeaders() {
        Revision fromMap = template.requestBody("anaplan:alm/createRevision",
                Map.of("name", "Release 2.0", "description", "Adds forecasting"), Revision.class);
        assertThat(fromMap.name()).isEqualTo("Release 2.0");
        Revision fromHeaders = template.requestBodyAndHeaders("anaplan:alm/createRevision", null,
                Map.of(AnaplanConstants.REVISION_NAME, "Release 2.1", AnaplanConstants.REVISION_DESCRIPTION, "Fixes"),
                Revision.class);
        assertThat(fromHeaders.description()).isEqualTo("Fixes");
        assertThat(model().revisionNames()).contains("Release 2.0", "Release 2.1");
    }

    @Test
    void revisionNameAndDescriptionLimitsAreCheckedBeforeTheCall() {
        assertThatThrownBy(() -> template.requestBody("anaplan:alm/createRevision", Map.of("name", "n".repeat(61))))
                .hasRootCauseMessage("revision name is 61 characters long; at most 60 are allowed");
        assertThatThrownBy(() -> template.requestBody("anaplan:alm/createRevision",
                Map.of("name", "ok", "description", "d".repeat(251))))
                .hasRootCauseMessage("revision description is 251 characters long; at most 250 are allowed");
        assertThat(sim.journal().count("POST", ".*/alm/revisions")).isZero();
    }

    @Test
    void syncBringsTheNewestSyncableRevisionIntoTheTargetModel() {
        List<Revision> syncable = list("anaplan:alm/syncableRevisions?" + PROD.substring(1));
        assertThat(syncable).extracting(Revision::id).containsExactly(Seed.REVISION2_ID);
        Exchange result = template.request("anaplan:alm/sync?" + PROD.substring(1), e -> { });
        assertThat(result.getException()).isNull();
        AlmTask task = result.getMessage().getBody(AlmTask.class);
        assertThat(task.isSuccessful()).isTrue();
        assertThat(task.result().sourceRevisionId()).isEqualTo(Seed.REVISION2_ID);
        assertThat(result.getMessage().getHeader(AnaplanConstants.TASK_ID)).isEqualTo(task.taskId());
        assertThat(result.getMessage().getHeader(AnaplanConstants.TASK_STATE)).isEqualTo("COMPLETE");
        assertThat(sim.tenant().model(Seed.MODEL2_ID).revisionNames()).contains("Release 1.1");
        List<AlmTask> tasks = list("anaplan:alm/syncTasks?modelId=" + Seed.MODEL2_ID);
        assertThat(tasks).extracting(AlmTask::taskId).containsExactly(task.taskId());
        List<AppliedToModel> applied = list("anaplan:alm/appliedToModels?revisionId=" + Seed.REVISION2_ID);
        assertThat(applied).extracting(AppliedToModel::modelId).containsExactly(Seed.MODEL_ID, Seed.MODEL2_ID);
    }

    @Test
    void aSyncStartWhoseAnswerIsLostContinuesWithTheTaskItStarted() {
        sim.faults().add(FaultRule.on("POST", ".*/alm/syncTasks").resetAfterProcessing().times(1));
        Exchange result = template.request("anaplan:alm/sync?" + PROD.substring(1), e -> { });
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(AlmTask.class).isSuccessful()).isTrue();
        assertThat(sim.journal().count("POST", ".*/alm/syncTasks")).isEqualTo(1);
        List<AlmTask> tasks = list("anaplan:alm/syncTasks?modelId=" + Seed.MODEL2_ID);
        assertThat(tasks).hasSize(1);
    }

    @Test
    void aFailedSyncRaisesTheApiErrorTitleAndText() {
        Exchange result = template.request("anaplan:alm/sync?targetRevisionId=" + Seed.REVISION2_ID + PROD, e -> { });
        assertThat(result.getException()).isInstanceOf(AnaplanActionException.class)
                .hasMessageContaining("The target and source revisions are incompatible")
                .hasMessageContaining("Please choose a target revision");
        AnaplanActionException e = (AnaplanActionException) result.getException();
        assertThat(e.getTaskStatus().taskId()).isNotBlank();
        assertThat(result.getMessage().getHeader(AnaplanConstants.TASK_SUCCESSFUL)).isEqualTo(false);
    }

    @Test
    void comparisonReportIsDownloadedAndSummaryReportIsTyped() {
        String report = template.requestBody("anaplan:alm/comparisonReport?" + PROD.substring(1), (Object) null,
                String.class);
        assertThat(report).startsWith("Object Type\t").contains(Seed.REVISION2_ID);
        SummaryReport summary = template.requestBody("anaplan:alm/summaryReport?" + PROD.substring(1), (Object) null,
                SummaryReport.class);
        assertThat(summary.sourceRevisionId()).isEqualTo(Seed.REVISION2_ID);
        assertThat(summary.targetRevisionId()).isEqualTo(Seed.REVISION_ID);
        assertThat(summary.totals()).containsEntry("created", 3);
        assertThat(summary.differences().get("modules")).containsEntry("created", 1);
    }

    @Test
    void onlineAndOffline() {
        template.requestBody("anaplan:alm/offline", (Object) null);
        assertThat(model().isOnline()).isFalse();
        template.requestBody("anaplan:alm/online", (Object) null);
        assertThat(model().isOnline()).isTrue();
    }

    @Test
    void appliedToModelsTakesARevisionBody() {
        Revision latest = template.requestBody("anaplan:alm/latestRevision?modelId=" + Seed.MODEL2_ID, (Object) null,
                Revision.class);
        @SuppressWarnings("unchecked")
        List<AppliedToModel> applied = template.requestBody("anaplan:alm/appliedToModels", latest, List.class);
        assertThat(applied).extracting(AppliedToModel::modelId).containsExactly(Seed.MODEL_ID, Seed.MODEL2_ID);
    }
}
