package io.github.camelanaplan.client.cloudworks;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.http.ApiPath;
import io.github.camelanaplan.client.http.ApiRequest;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.task.ActiveTasks;
import io.github.camelanaplan.client.task.PollSchedule;
import io.github.camelanaplan.client.task.TaskAnswer;
import io.github.camelanaplan.client.task.TaskStarter;
import io.github.camelanaplan.client.task.TaskWaiter;
import io.github.camelanaplan.client.task.WatchedTask;
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
    private final ApiPath integrationsUrl;
    private final TaskStarter starter;

    public CloudWorksClient(AnaplanClient client) {
        this.client = client;
        this.transport = client.caller();
        this.integrationsUrl = ApiPath.root(client.settings().cloudWorksUrl()).then("integrations");
        this.starter = new TaskStarter(TaskStarter.Resend.NEVER, client.callOptions().timeout());
    }

    /** Integrations visible to the user, all pages. */
    public List<Integration> integrations() {
        return client.listAll(ApiRequest.get(integrationsUrl).step("list CloudWorks integrations").build(), "integrations",
                Integration.class);
    }

    /**
     * Starts a run of an integration once; returns the run id. A start whose outcome is unknown is settled through the
     * integration's run history (one new run is ours) and never sent again.
     */
    public String startRun(String integrationId) {
        String step = "run CloudWorks integration " + integrationId;
        ApiRequest request = ApiRequest.post(integrationsUrl.then(integrationId, "run")).kind(RequestKind.TASK_START)
                .step(step).build();
        return starter.start(step, () -> runIds(integrationId),
                () -> TaskAnswer.requiredText(transport.execute(request, Json.answer(request)), "run.id"));
    }

    /** Ids of the integration's runs, from its run history. */
    private Set<String> runIds(String integrationId) {
        ApiRequest request = ApiRequest.get(integrationsUrl.then("runs", integrationId))
                .step("run history of CloudWorks integration " + integrationId).build();
        Set<String> ids = new HashSet<>();
        for (JsonNode run : transport.execute(request, Json.answer(request)).objects("history_of_runs.runs")) {
            ids.add(run.path("id").asText());
        }
        return ids;
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
        IntegrationRun run;
        String what;
        String runId;
        try (ActiveTasks.Entry entry = client.activeTasks().register("CloudWorks integration " + integrationId)) {
            runId = startRun(integrationId);
            what = "CloudWorks integration " + integrationId + " run " + runId;
            String id = runId;
            run = TaskWaiter.await(entry, PollSchedule.of(options),
                    WatchedTask.of(what, () -> runStatus(id), IntegrationRun::isFinished)
                            .reportedAs(r -> new TaskStatus(id, TaskState.IN_PROGRESS, null, null, null, null))
                            .cancelledBy(() -> {
                                cancel(integrationId);
                                return null;
                            }, options.cancelOnTimeout()));
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
