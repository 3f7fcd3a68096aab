package io.github.camelanaplan.component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.error.AnaplanApiException;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.bulk.TaskResult;
import io.github.camelanaplan.client.bulk.TaskState;
import io.github.camelanaplan.simulator.FaultRule;
import io.github.camelanaplan.simulator.JournalEntry;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.TokenState;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Faults during uploads, task starts and waits, each checked on the simulator's side. */
class ResilienceTest extends AnaplanTestSupport {

    private static final String CHUNKS = ".*/files/" + Seed.FILE_ID + "/chunks/.*";
    private static final String IMPORT_TASKS = ".*/imports/" + Seed.IMPORT_ID + "/tasks";

    @Test
    void serverErrorOnAChunkIsRetriedAndTheFileArrivesWhole() {
        sim.faults().add(FaultRule.on("PUT", ".*/files/" + Seed.FILE_ID + "/chunks/1").respond(503));
        String csv = employeesCsv(60_000); // ~2.3 MB: three chunks
        Exchange result = template.request("anaplan:import?actionId=" + Seed.IMPORT_ID, e -> e.getMessage().setBody(csv));
        assertThat(result.getException()).isNull();
        assertThat(new String(model().fileContent(Seed.FILE_ID), StandardCharsets.UTF_8)).isEqualTo(csv);
        assertThat(sim.journal().count("PUT", ".*/chunks/1")).isEqualTo(2);
        assertThat(model().taskStarts(Seed.IMPORT_ID)).isEqualTo(1);
        assertThat(model().rows(Seed.EMPLOYEES)).hasSize(60_000);
    }

    @Test
    void permanentChunkFailureFailsTheExchangeAndStartsNoImport() {
        sim.faults().add(FaultRule.on("PUT", ".*/files/" + Seed.FILE_ID + "/chunks/2").always().respond(500));
        Exchange result = template.request("anaplan:import?retryCount=2&actionId=" + Seed.IMPORT_ID,
                e -> e.getMessage().setBody(employeesCsv(80_000)));
        AnaplanException failure = result.getException(AnaplanException.class);
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains(Seed.FILE_ID).contains("chunk 2");
        assertThat(model().taskStarts(Seed.IMPORT_ID)).isZero();
        assertThat(sim.journal().count("POST", IMPORT_TASKS)).isZero();
        assertThat(sim.journal().count("PUT", ".*/chunks/2")).isEqualTo(3);
    }

    @Test
    void tooManyRequestsHonoursRetryAfter() {
        sim.faults().add(FaultRule.on("PUT", CHUNKS).respond(429).retryAfter("1"));
        long start = System.nanoTime();
        template.requestBody("anaplan:upload?fileId=" + Seed.FILE_ID, "a,b\n1,2\n");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(950);
        List<JournalEntry> puts = sim.journal().matching("PUT", CHUNKS);
        assertThat(puts).extracting(JournalEntry::status).containsExactly(429, 204);
        assertThat((puts.get(1).startNanos() - puts.get(0).endNanos()) / 1_000_000).isGreaterThanOrEqualTo(950);
    }

    @Test
    void revokedTokenMidUploadIsRenewedOnceAndTheUploadCompletes() {
        sim.faults().add(FaultRule.on("PUT", ".*/files/" + Seed.FILE_ID + "/chunks/1").expireToken());
        String csv = employeesCsv(60_000);
        template.requestBody("anaplan:upload?uploadParallel=false&fileId=" + Seed.FILE_ID, csv);
        assertThat(new String(model().fileContent(Seed.FILE_ID), StandardCharsets.UTF_8)).isEqualTo(csv);
        assertThat(sim.auth().authenticationCount()).isEqualTo(2);
        List<JournalEntry> puts = sim.journal().matching("PUT", CHUNKS);
        assertThat(puts).extracting(JournalEntry::status).containsExactly(204, 401, 204, 204);
    }

    @Test
    void tokenExpiringDuringALongUploadIsRenewedAhead() {
        sim.auth().tokenTtl(Duration.ofSeconds(3));
        sim.faults().add(FaultRule.on("PUT", CHUNKS).always().delay(Duration.ofMillis(300)));
        String csv = employeesCsv(400_000); // ~17 MB: 17 sequential chunks, over 5 s against a 3 s token
        template.requestBody("anaplan:upload?uploadParallel=false&fileId=" + Seed.FILE_ID, csv);
        assertThat(new String(model().fileContent(Seed.FILE_ID), StandardCharsets.UTF_8)).isEqualTo(csv);
        assertThat(sim.journal().matching("PUT", CHUNKS)).allMatch(e -> e.tokenState() == TokenState.VALID);
        assertThat(sim.auth().refreshCount() + sim.auth().authenticationCount()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void ambiguousTaskStartStartsExactlyOneTask() {
        sim.faults().add(FaultRule.on("POST", IMPORT_TASKS).resetAfterProcessing());
        Exchange result = template.request("anaplan:import?actionId=" + Seed.IMPORT_ID,
                e -> e.getMessage().setBody(employeesCsv(5)));
        assertThat(result.getException()).isNull();
        assertThat(model().taskStarts(Seed.IMPORT_ID)).isEqualTo(1);
        assertThat(result.getMessage().getHeader(AnaplanConstants.TASK_ID))
                .isEqualTo(model().tasks(Seed.IMPORT_ID).get(0).taskId());
        assertThat(result.getMessage().getBody(TaskResult.class).isSuccessful()).isTrue();
    }

    @Test
    void lostTaskStartThatNeverArrivedIsSentAgain() {
        sim.faults().add(FaultRule.on("POST", IMPORT_TASKS).resetBeforeResponse());
        Exchange result = template.request("anaplan:import?actionId=" + Seed.IMPORT_ID,
                e -> e.getMessage().setBody(employeesCsv(5)));
        assertThat(result.getException()).isNull();
        assertThat(model().taskStarts(Seed.IMPORT_ID)).isEqualTo(1);
        assertThat(sim.journal().count("POST", IMPORT_TASKS)).isEqualTo(2);
    }

    @Test
    void modelBusyOnTaskStartIsRetried() {
        sim.faults().add(FaultRule.on("POST", IMPORT_TASKS).times(2).respond(409));
        Exchange result = template.request("anaplan:import?actionId=" + Seed.IMPORT_ID,
                e -> e.getMessage().setBody(employeesCsv(5)));
        assertThat(result.getException()).isNull();
        assertThat(model().taskStarts(Seed.IMPORT_ID)).isEqualTo(1);
    }

    @Test
    void plainClientErrorsAreNotRetried() {
        sim.faults().add(FaultRule.on("POST", IMPORT_TASKS).respond(400));
        Exchange result = template.request("anaplan:import?actionId=" + Seed.IMPORT_ID,
                e -> e.getMessage().setBody(employeesCsv(5)));
        AnaplanApiException failure = result.getException(AnaplanApiException.class);
        assertThat(failure).isNotNull();
        assertThat(failure.getHttpStatus()).isEqualTo(400);
        assertThat(failure.getMethod()).isEqualTo("POST");
        assertThat(failure.getPath()).endsWith("/imports/" + Seed.IMPORT_ID + "/tasks");
        assertThat(sim.journal().count("POST", IMPORT_TASKS)).isEqualTo(1);
    }

    @Test
    void taskCancelledOnAnaplanEndsTheExchange() throws Exception {
        model().setTaskDuration(Seed.EXPORT_ID, Duration.ofSeconds(30));
        var pending = template.asyncSend("anaplan:export?actionId=" + Seed.EXPORT_ID, e -> { });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !model().tasks(Seed.EXPORT_ID).isEmpty());
        String taskId = model().tasks(Seed.EXPORT_ID).get(0).taskId();
        template.requestBodyAndHeader("anaplan:cancel?actionId=" + Seed.EXPORT_ID, null, AnaplanConstants.TASK_ID, taskId);
        Exchange result = pending.get(10, java.util.concurrent.TimeUnit.SECONDS);
        AnaplanActionException failure = result.getException(AnaplanActionException.class);
        assertThat(failure).isNotNull().hasMessageContaining("was cancelled");
        assertThat(failure.getTaskStatus().taskState()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void taskTimeoutCancelsTheTask() {
        model().setTaskDuration(Seed.EXPORT_ID, Duration.ofSeconds(30));
        Exchange result = template.request("anaplan:export?taskTimeout=700ms&actionId=" + Seed.EXPORT_ID, e -> { });
        AnaplanActionException failure = result.getException(AnaplanActionException.class);
        assertThat(failure).isNotNull().hasMessageContaining("timed out after").hasMessageContaining("was cancelled");
        assertThat(sim.journal().count("DELETE", ".*/exports/" + Seed.EXPORT_ID + "/tasks/.*")).isEqualTo(1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> model().tasks(Seed.EXPORT_ID).get(0).state().name().equals("CANCELLED"));
    }
}
