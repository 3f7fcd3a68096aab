package io.github.camelanaplan.client.cloudworks;

import java.util.List;

import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.http.ApiPath;
import io.github.camelanaplan.client.http.ApiRequest;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.task.Poller;
import io.github.camelanaplan.client.http.RequestKind;
import io.github.camelanaplan.client.task.TaskOptions;
import io.github.camelanaplan.client.http.Transport;
import io.github.camelanaplan.client.bulk.TaskState;
import io.github.camelanaplan.client.bulk.TaskStatus;

/**
 * The CloudWorks API (anaplan-api §9): integrations, running one and waiting for the run's end, run status.
 */
public final class CloudWorksClient {

    private final AnaplanClient client;
    private final Transport transport;
    private final ApiPath integrationsUrl;

    public CloudWorksClient(AnaplanClient client) {
        this.client = client;
        this.transport = client.transport();
        this.integrationsUrl = ApiPath.root(client.settings().cloudWorksUrl()).then("integrations");
    }

    /** Integrations visible to the user, all pages. */
    public List<Integration> integrations() {
        return client.listAll(ApiRequest.get(integrationsUrl).step("list CloudWorks integrations").build(), "integrations",
                Integration.class);
    }

    /** Starts a run of an integration; returns the run id. */
    public String startRun(String integrationId) {
        String step = "run CloudWorks integration " + integrationId;
        ApiRequest request = ApiRequest.post(integrationsUrl.then(integrationId, "run")).kind(RequestKind.NON_IDEMPOTENT)
                .step(step).build();
        String runId = transport.execute(request, Json.answer(request)).text("run.id");
        if (runId == null || runId.isEmpty()) {
            throw new AnaplanException(step + ": the answer holds no run id");
        }
        return runId;
    }

    public IntegrationRun runStatus(String runId) {
        ApiRequest request = ApiRequest.get(integrationsUrl.then("run", runId)).step("status of CloudWorks run " + runId)
                .build();
        IntegrationRun run = transport.execute(request, Json.answer(request)).read("run", IntegrationRun.class);
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
            transport.execute(ApiRequest.post(integrationsUrl.then(integrationId, "cancel")).kind(RequestKind.IDEMPOTENT)
                    .step("cancel CloudWorks integration " + integrationId).build(), Json.discard());
        } catch (AnaplanException e) {
            org.slf4j.LoggerFactory.getLogger(CloudWorksClient.class).warn("Could not cancel {}: {}", integrationId,
                    e.getMessage());
        }
    }
}
