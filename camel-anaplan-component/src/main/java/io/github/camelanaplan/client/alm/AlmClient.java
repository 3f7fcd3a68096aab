package io.github.camelanaplan.client.alm;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
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
import io.github.camelanaplan.client.http.JsonAnswer;
import io.github.camelanaplan.client.http.RequestKind;
import io.github.camelanaplan.client.task.ActiveTasks;
import io.github.camelanaplan.client.task.PollSchedule;
import io.github.camelanaplan.client.task.TaskAnswer;
import io.github.camelanaplan.client.task.TaskStarter;
import io.github.camelanaplan.client.task.TaskWaiter;
import io.github.camelanaplan.client.task.WatchedTask;
import io.github.camelanaplan.client.task.TaskOptions;
import io.github.camelanaplan.client.http.RetryingCaller;
import io.github.camelanaplan.client.bulk.TaskStatus;

/**
 * The ALM API (anaplan-api §7) of one model: revisions, online status, and sync / comparison / summary tasks, which
 * are started exactly once and waited for with the same polling rules as bulk tasks.
 */
public final class AlmClient {

    public static final int MAX_NAME = 60;
    public static final int MAX_DESCRIPTION = 250;


    private final AnaplanClient client;
    private final RetryingCaller transport;
    private final String modelId;
    private final ApiPath modelPath;
    private final ApiPath almUrl;
    private final TaskStarter starter;

    public AlmClient(AnaplanClient client, String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId is required");
        }
        this.client = client;
        this.transport = client.caller();
        this.modelId = modelId;
        this.modelPath = client.api().then("models", modelId);
        this.almUrl = modelPath.then("alm");
        this.starter = new TaskStarter(TaskStarter.Resend.NEVER, client.callOptions().timeout());
    }

    /** Revisions of the model, all pages, optionally only those applied after / before a date (YYYY-MM-DD). */
    public List<Revision> revisions(String appliedAfter, String appliedBefore) {
        ApiRequest request = ApiRequest.get(almUrl.then("revisions"))
                .query("appliedAfter", appliedAfter == null || appliedAfter.isBlank() ? null : appliedAfter)
                .query("appliedBefore", appliedBefore == null || appliedBefore.isBlank() ? null : appliedBefore)
                .step("list revisions of model " + modelId).build();
        return client.listAll(request, "revisions", Revision.class);
    }

    /** The model's latest revision, or null when it has none. */
    public Revision latestRevision() {
        List<Revision> revisions = get("latest revision of model " + modelId, almUrl.then("latestRevision"))
                .list("revisions", Revision.class);
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
        ApiRequest request = ApiRequest.post(almUrl.then("revisions"))
                .json(new RevisionBody(name, description == null ? "" : description)).kind(RequestKind.NON_IDEMPOTENT)
                .step("create revision of model " + modelId).build();
        JsonAnswer answer = transport.execute(request, Json.answer(request));
        // "revision" per the documentation, "revisions" [ ] per a live OpenAPI: read both
        if (answer.has("revision")) {
            return answer.read("revision", Revision.class);
        }
        List<Revision> revisions = answer.list("revisions", Revision.class);
        return revisions.isEmpty() ? null : revisions.get(0);
    }

    /** Revisions of sourceModelId that can be synchronised into this model, newest first. */
    public List<Revision> syncableRevisions(String sourceModelId) {
        ApiRequest request = ApiRequest.get(almUrl.then("syncableRevisions")).query("sourceModelId", sourceModelId)
                .step("syncable revisions of model " + modelId).build();
        return transport.execute(request, Json.answer(request)).list("revisions", Revision.class);
    }

    public List<AppliedToModel> appliedToModels(String revisionId) {
        return get("models revision " + revisionId + " was applied to",
                almUrl.then("revisions", revisionId, "appliedToModels")).list("appliedToModels", AppliedToModel.class);
    }

    /** Takes the model online or offline. */
    public void setOnline(boolean online) {
        transport.execute(ApiRequest.put(modelPath.then("onlineStatus"))
                .json(new OnlineStatusBody(online ? "online" : "offline")).kind(RequestKind.IDEMPOTENT)
                .step("take model " + modelId + (online ? " online" : " offline")).build(), Json.discard());
    }

    public List<AlmTask> syncTasks() {
        return get("sync tasks of model " + modelId, almUrl.then("syncTasks")).list("tasks", AlmTask.class);
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
        byte[] report = transport.execute(ApiRequest.get(almUrl.then("comparisonReports", revisions.targetRevisionId(),
                        revisions.sourceRevisionId())).accept("application/octet-stream")
                .step("comparison report of model " + modelId).build(), (status, contentType, body) -> body.readAllBytes());
        return new ByteArrayInputStream(report);
    }

    /** Builds the summary report of two revisions and returns it. */
    public SummaryReport summaryReport(Revisions revisions, TaskOptions options) {
        run(Kind.SUMMARY, revisions, options);
        return get("summary report of model " + modelId, almUrl.then("summaryReports", revisions.targetRevisionId(),
                revisions.sourceRevisionId())).read("summaryReport", SummaryReport.class);
    }

    private AlmTask run(Kind kind, Revisions revisions, TaskOptions options) {
        AlmTask task;
        String what;
        try (ActiveTasks.Entry entry = client.activeTasks().register(kind.label + " task of model " + modelId)) {
            String taskId = start(kind, revisions);
            what = kind.label + " task " + taskId + " of model " + modelId;
            task = TaskWaiter.await(entry, PollSchedule.of(options),
                    WatchedTask.of(what, () -> task(kind, taskId), t -> t.taskState().isTerminal())
                            .reportedAs(AlmClient::status)
                            .notCancellable("ALM tasks cannot be cancelled; it goes on in Anaplan"));
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

    /** Starts an ALM task once: an unknown outcome is settled through the task list, never by sending it again. */
    private String start(Kind kind, Revisions revisions) {
        AlmTaskBody body = new AlmTaskBody(revisions.sourceRevisionId(), revisions.sourceModelId(),
                revisions.targetRevisionId());
        ApiPath url = almUrl.then(kind.collection);
        String step = "start " + kind.label + " task of model " + modelId;
        ApiRequest request = ApiRequest.post(url).json(body).kind(RequestKind.TASK_START).step(step).build();
        return starter.start(step, () -> taskIds(url),
                () -> TaskAnswer.startedTaskId(transport.execute(request, Json.answer(request))));
    }

    private Set<String> taskIds(ApiPath url) {
        Set<String> ids = new HashSet<>();
        for (AlmTask task : get("list " + url.last(), url).list("tasks", AlmTask.class)) {
            ids.add(task.taskId());
        }
        return ids;
    }

    private AlmTask task(Kind kind, String taskId) {
        ApiRequest request = ApiRequest.get(almUrl.then(kind.collection, taskId)).step(kind.label + " task status")
                .build();
        JsonAnswer answer = transport.execute(request, Json.answer(request));
        return answer.convert(TaskAnswer.checkedTask(answer, taskId), "task", AlmTask.class);
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

    private JsonAnswer get(String step, ApiPath url) {
        ApiRequest request = ApiRequest.get(url).step(step).build();
        return transport.execute(request, Json.answer(request));
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
