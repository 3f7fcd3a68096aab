package io.github.camelanaplan.client.alm;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.http.ApiCall;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.task.Poller;
import io.github.camelanaplan.client.http.RequestKind;
import io.github.camelanaplan.client.task.StartedTasks;
import io.github.camelanaplan.client.task.TaskOptions;
import io.github.camelanaplan.client.http.RetryingCaller;
import io.github.camelanaplan.client.error.UnknownOutcomeException;
import io.github.camelanaplan.client.bulk.TaskState;
import io.github.camelanaplan.client.bulk.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ALM API (anaplan-api §7) of one model: revisions, online status, and sync / comparison / summary tasks, which
 * are started exactly once and waited for with the same polling rules as bulk tasks.
 */
public final class AlmClient {

    public static final int MAX_NAME = 60;
    public static final int MAX_DESCRIPTION = 250;

    private static final Logger LOG = LoggerFactory.getLogger(AlmClient.class);

    private final AnaplanClient client;
    private final RetryingCaller transport;
    private final String modelId;
    private final String almUrl;

    public AlmClient(AnaplanClient client, String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId is required");
        }
        this.client = client;
        this.transport = client.caller();
        this.modelId = modelId;
        this.almUrl = client.settings().apiUrl() + "/models/" + modelId + "/alm";
    }

    /** Revisions of the model, all pages, optionally only those applied after / before a date (YYYY-MM-DD). */
    public List<Revision> revisions(String appliedAfter, String appliedBefore) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        if (appliedAfter != null && !appliedAfter.isBlank()) {
            query.add("appliedAfter=" + appliedAfter);
        }
        if (appliedBefore != null && !appliedBefore.isBlank()) {
            query.add("appliedBefore=" + appliedBefore);
        }
        return client.listAll(almUrl + "/revisions" + query, "revisions", "list revisions of model " + modelId).stream()
                .map(n -> Json.convert(n, Revision.class)).toList();
    }

    /** The model's latest revision, or null when it has none. */
    public Revision latestRevision() {
        List<Revision> revisions = Json.list(get("latest revision of model " + modelId, almUrl + "/latestRevision"),
                "revisions", Revision.class);
        return revisions.isEmpty() ? null : revisions.get(0);
    }

    /** Checks a revision's name and description against Anaplan's limits, before any call. */
    public static void checkRevision(String name, String description) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a revision needs a name");
        }
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("revision name is " + name.length() + " characters long; at most "
                                               + MAX_NAME + " are allowed");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("revision description is " + description.length()
                                               + " characters long; at most " + MAX_DESCRIPTION + " are allowed");
        }
    }

    /** Adds a revision tag to the model. */
    public Revision createRevision(String name, String description) {
        checkRevision(name, description);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", description == null ? "" : description);
        JsonNode answer = transport.execute(jsonCall("create revision of model " + modelId, "POST",
                almUrl + "/revisions", body, RequestKind.NON_IDEMPOTENT), Json.tree());
        // "revision" per the documentation, "revisions" [ ] per a live OpenAPI: read both
        JsonNode revision = answer.has("revision") ? answer.get("revision") : answer.path("revisions").path(0);
        return Json.convert(revision, Revision.class);
    }

    /** Revisions of sourceModelId that can be synchronised into this model, newest first. */
    public List<Revision> syncableRevisions(String sourceModelId) {
        return Json.list(get("syncable revisions of model " + modelId,
                almUrl + "/syncableRevisions?sourceModelId=" + sourceModelId), "revisions", Revision.class);
    }

    public List<AppliedToModel> appliedToModels(String revisionId) {
        return Json.list(get("models revision " + revisionId + " was applied to",
                almUrl + "/revisions/" + revisionId + "/appliedToModels"), "appliedToModels", AppliedToModel.class);
    }

    /** Takes the model online or offline. */
    public void setOnline(boolean online) {
        transport.execute(jsonCall("take model " + modelId + (online ? " online" : " offline"), "PUT",
                client.settings().apiUrl() + "/models/" + modelId + "/onlineStatus",
                Map.of("status", online ? "online" : "offline"), RequestKind.IDEMPOTENT), Json.discard());
    }

    public List<AlmTask> syncTasks() {
        return Json.list(get("sync tasks of model " + modelId, almUrl + "/syncTasks"), "tasks", AlmTask.class);
    }

    public AlmTask syncTask(String taskId) {
        return task(Kind.SYNC, taskId);
    }

    /** The three revision ids an ALM task works on. */
    public record Revisions(String sourceModelId, String sourceRevisionId, String targetRevisionId) {
    }

    /**
     * Fills in what a route left out: the target revision defaults to this model's latest revision, the source
     * revision to the newest revision of the source model syncable into this one.
     */
    public Revisions resolve(String sourceModelId, String sourceRevisionId, String targetRevisionId) {
        if (sourceModelId == null || sourceModelId.isBlank()) {
            throw new IllegalArgumentException("ALM sync and reports need sourceModelId");
        }
        String target = targetRevisionId;
        if (target == null || target.isBlank()) {
            Revision latest = latestRevision();
            if (latest == null) {
                throw new AnaplanException("model " + modelId + " has no revision; set targetRevisionId");
            }
            target = latest.id();
        }
        String source = sourceRevisionId;
        if (source == null || source.isBlank()) {
            List<Revision> syncable = syncableRevisions(sourceModelId);
            if (syncable.isEmpty()) {
                throw new AnaplanException("model " + sourceModelId + " has no revision syncable into model " + modelId
                                           + "; set sourceRevisionId");
            }
            source = syncable.get(0).id();
        }
        return new Revisions(sourceModelId, source, target);
    }

    /** Synchronises a source revision into this model and waits for the end. */
    public AlmTask sync(Revisions revisions, TaskOptions options) {
        return run(Kind.SYNC, revisions, options);
    }

    /** Builds the comparison report of two revisions and returns it (tab-separated text). */
    public InputStream comparisonReport(Revisions revisions, TaskOptions options) {
        run(Kind.COMPARISON, revisions, options);
        byte[] report = transport.execute(ApiCall.get("comparison report of model " + modelId,
                almUrl + "/comparisonReports/" + revisions.targetRevisionId() + "/" + revisions.sourceRevisionId())
                .withHeader("Accept", "application/octet-stream"), (status, contentType, body) -> body.readAllBytes());
        return new ByteArrayInputStream(report);
    }

    /** Builds the summary report of two revisions and returns it. */
    public SummaryReport summaryReport(Revisions revisions, TaskOptions options) {
        run(Kind.SUMMARY, revisions, options);
        JsonNode answer = get("summary report of model " + modelId,
                almUrl + "/summaryReports/" + revisions.targetRevisionId() + "/" + revisions.sourceRevisionId());
        return Json.convert(answer.path("summaryReport"), SummaryReport.class);
    }

    private AlmTask run(Kind kind, Revisions revisions, TaskOptions options) {
        String taskId = start(kind, revisions);
        String what = kind.label + " task " + taskId + " of model " + modelId;
        AlmTask task;
        try {
            task = Poller.of(client, options).until(what, () -> task(kind, taskId),
                    t -> t.taskState() == TaskState.COMPLETE || t.taskState() == TaskState.CANCELLED);
        } catch (Poller.PollTimeoutException e) {
            AlmTask last = (AlmTask) e.lastState();
            throw new AnaplanActionException(what + " timed out after " + options.taskTimeout()
                                             + " (ALM tasks cannot be cancelled; it goes on in Anaplan)",
                    last == null ? null : status(last), null);
        }
        if (!task.isSuccessful()) {
            StringBuilder message = new StringBuilder(what).append(" failed: state ").append(task.taskState());
            AlmTask.Error error = task.result() == null ? null : task.result().error();
            if (error != null) {
                message.append("; ").append(error.title() == null ? "" : error.title());
                if (error.messageText() != null && !error.messageText().isBlank()) {
                    message.append(": ").append(error.messageText());
                }
            }
            throw new AnaplanActionException(message.toString(), status(task), null);
        }
        return task;
    }

    /** Starts an ALM task once: an unknown outcome is settled by looking for a new task in the task list. */
    private String start(Kind kind, Revisions revisions) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("sourceRevisionId", revisions.sourceRevisionId());
        body.put("sourceModelId", revisions.sourceModelId());
        body.put("targetRevisionId", revisions.targetRevisionId());
        String url = almUrl + "/" + kind.collection;
        Set<String> before = taskIds(url);
        String step = "start " + kind.label + " task of model " + modelId;
        try {
            JsonNode answer = transport.execute(jsonCall(step, "POST", url, body, RequestKind.TASK_START), Json.tree());
            String taskId = answer.path("task").path("taskId").asText(answer.path("taskId").asText(null));
            if (taskId == null || taskId.isEmpty()) {
                throw new AnaplanException(step + ": the answer holds no taskId");
            }
            return taskId;
        } catch (UnknownOutcomeException unknown) {
            Set<String> after = StartedTasks.since(before, () -> taskIds(url), unknown, client.callOptions().timeout());
            if (after.size() == 1) {
                String taskId = after.iterator().next();
                LOG.info("{}: outcome unknown ({}), but the task list shows task {}", step, unknown.getMessage(), taskId);
                return taskId;
            }
            throw unknown;
        }
    }

    private Set<String> taskIds(String url) {
        Set<String> ids = new HashSet<>();
        for (AlmTask task : Json.list(get("list " + url.substring(url.lastIndexOf('/') + 1), url), "tasks", AlmTask.class)) {
            ids.add(task.taskId());
        }
        return ids;
    }

    private AlmTask task(Kind kind, String taskId) {
        AlmTask task = Json.convert(get(kind.label + " task status", almUrl + "/" + kind.collection + "/" + taskId)
                .path("task"), AlmTask.class);
        if (task == null) {
            throw new AnaplanException(kind.label + " task " + taskId + ": the answer holds no task");
        }
        return task;
    }

    private static TaskStatus status(AlmTask task) {
        Long created = null;
        try {
            created = task.creationTime() == null ? null : Long.valueOf(task.creationTime());
        } catch (NumberFormatException isoDate) {
            // kept null: the ISO form is in the AlmTask
        }
        return new TaskStatus(task.taskId(), task.taskState(), task.currentStep(), null, created, null);
    }

    private JsonNode get(String step, String url) {
        return transport.execute(ApiCall.get(step, url), Json.tree());
    }

    private static ApiCall jsonCall(String step, String method, String url, Object body, RequestKind kind) {
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AnaplanException("Cannot write JSON body: " + e.getOriginalMessage(), e);
        }
        return new ApiCall(step, method, url, Map.of("Accept", "application/json"),
                () -> new org.apache.hc.core5.http.io.entity.ByteArrayEntity(bytes,
                        org.apache.hc.core5.http.ContentType.APPLICATION_JSON), kind, true);
    }

    private enum Kind {
        SYNC("syncTasks", "ALM sync"),
        COMPARISON("comparisonReportTasks", "ALM comparison report"),
        SUMMARY("summaryReportTasks", "ALM summary report");

        final String collection;
        final String label;

        Kind(String collection, String label) {
            this.collection = collection;
            this.label = label;
        }
    }
}
