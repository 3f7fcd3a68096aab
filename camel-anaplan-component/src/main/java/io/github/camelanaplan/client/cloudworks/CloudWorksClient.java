package io.github.camelanaplan.client.cloudworks;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.http.ApiCall;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.task.Poller;
import io.github.camelanaplan.client.http.RequestKind;
import io.github.camelanaplan.client.task.TaskOptions;
import io.github.camelanaplan.client.http.RetryingCaller;
import io.github.camelanaplan.client.bulk.TaskState;
import io.github.camelanaplan.client.bulk.TaskStatus;

/**
 * The CloudWorks API (anaplan-api §9): integrations, running one and waiting for the run's end, run status.
 */
public final class CloudWorksClient {

    private final AnaplanClient client;
    private final RetryingCaller transport;
    private final String integrationsUrl;

    public CloudWorksClient(AnaplanClient client) {
        this.client = client;
        this.transport = client.caller();
        this.integrationsUrl = client.settings().cloudWorksUrl() + "/integrations";
    }

    /** Integrations visible to the user, all pages. */
    public List<Integration> integrations() {
        return client.listAll(integrationsUrl, "integrations", "list CloudWorks integrations").stream()
                .map(n -> Json.convert(n, Integration.class)).toList();
    }

    /** Starts a run of an integration; returns the run id. */
    public String startRun(String integrationId) {
        String step = "run CloudWorks integration " + integrationId;
        JsonNode answer = transport.execute(new ApiCall(step, "POST", integrationsUrl + "/" + integrationId + "/run",
                Map.of("Accept", "application/json"), null, RequestKind.NON_IDEMPOTENT, true), Json.tree());
        String runId = answer.path("run").path("id").asText(null);
        if (runId == null || runId.isEmpty()) {
            throw new AnaplanException(step + ": the answer holds no run id");
        }
        return runId;
    }

    public IntegrationRun runStatus(String runId) {
        JsonNode answer = transport.execute(ApiCall.get("status of CloudWorks run " + runId,
                integrationsUrl + "/run/" + runId), Json.tree());
        IntegrationRun run = Json.convert(answer.path("run"), IntegrationRun.class);
        if (run == null) {
            throw new AnaplanException("status of CloudWorks run " + runId + ": the answer holds no run");
        }
        return run;
    }

    /**
     * Runs an integration and waits for the run's end.
     *
     * @throws AnaplanActionException when the run fails (with its message and error code) or the wait times out
     */
    public IntegrationRun run(String integrationId, TaskOptions options) {
        String runId = startRun(integrationId);
        String what = "CloudWorks integration " + integrationId + " run " + runId;
        IntegrationRun run;
        try {
            run = Poller.of(client, options).until(what, () -> runStatus(runId), IntegrationRun::isFinished);
        } catch (Poller.PollTimeoutException e) {
            if (options.cancelOnTimeout()) {
                cancel(integrationId);
            }
            throw new AnaplanActionException(what + " timed out after " + options.taskTimeout()
                                             + (options.cancelOnTimeout() ? " and was cancelled" : ""),
                    new TaskStatus(runId, TaskState.IN_PROGRESS, null, null, null, null), null);
        }
        if (!Boolean.TRUE.equals(run.success())) {
            throw new AnaplanActionException(what + " failed: " + (run.message() == null ? "no message" : run.message())
                                             + (run.executionErrorCode() == null ? "" : " (" + run.executionErrorCode() + ")"),
                    new TaskStatus(runId, TaskState.COMPLETE, run.message(), 1.0, null, null), null);
        }
        return run;
    }

    private void cancel(String integrationId) {
        try {
            transport.execute(new ApiCall("cancel CloudWorks integration " + integrationId, "POST",
                    integrationsUrl + "/" + integrationId + "/cancel", Map.of("Accept", "application/json"), null,
                    RequestKind.IDEMPOTENT, true), Json.discard());
        } catch (AnaplanException e) {
            org.slf4j.LoggerFactory.getLogger(CloudWorksClient.class).warn("Could not cancel {}: {}", integrationId,
                    e.getMessage());
        }
    }
}
