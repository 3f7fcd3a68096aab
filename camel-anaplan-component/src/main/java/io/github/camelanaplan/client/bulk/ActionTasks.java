package io.github.camelanaplan.client.bulk;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.http.ApiCall;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.RequestKind;
import io.github.camelanaplan.client.http.Transport;
import io.github.camelanaplan.client.task.ActiveTasks;
import io.github.camelanaplan.client.task.PollSchedule;
import io.github.camelanaplan.client.task.TaskAnswer;
import io.github.camelanaplan.client.task.TaskOptions;
import io.github.camelanaplan.client.task.TaskStarter;
import io.github.camelanaplan.client.task.TaskWaiter;
import io.github.camelanaplan.client.task.WatchedTask;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The task endpoints of a model's actions: start (once, re-sent only when the task list shows it never arrived),
 * status, cancel, and start-and-wait with progress-timed polls.
 */
final class ActionTasks {

    private final Transport transport;
    private final AnaplanClient client;
    private final String modelUrl;
    private final TaskStarter starter;

    ActionTasks(Transport transport, AnaplanClient client, String modelUrl) {
        this.transport = transport;
        this.client = client;
        this.modelUrl = modelUrl;
        this.starter = new TaskStarter(TaskStarter.Resend.WHEN_NOT_LISTED, client.settings().timeout());
    }

    String actionUrl(ActionType type, String actionId) {
        return modelUrl + "/" + type.collection() + "/" + actionId;
    }

    /** The dump's base URL: {@code …/tasks/{t}/dump} for an import, {@code …/tasks/{t}/dumps/{objectId}} for a process. */
    String dumpUrl(ActionType type, String actionId, String taskId, String objectId) {
        String task = actionUrl(type, actionId) + "/tasks/" + taskId;
        return objectId == null || objectId.equals(actionId) ? task + "/dump" : task + "/dumps/" + objectId;
    }

    /** Starts a task; one call starts one task (see {@link TaskStarter}). */
    String start(ActionType type, String actionId, TaskOptions options) {
        String tasksUrl = actionUrl(type, actionId) + "/tasks";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("localeName", options.locale());
        if (!options.mappingParameters().isEmpty()) {
            body.put("mappingParameters", options.mappingParameters());
        }
        ApiCall call = new ApiCall("start " + type.label() + " " + actionId, "POST", tasksUrl,
                Map.of("Accept", "application/json"), () -> Json.entity(body), RequestKind.TASK_START, true);
        String taskId = starter.start(call.step(), () -> taskIds(tasksUrl),
                () -> transport.execute(call, TaskAnswer.reader(call)).startedTaskId());
        transport.stats().taskStarted();
        return taskId;
    }

    private Set<String> taskIds(String tasksUrl) {
        Set<String> ids = new HashSet<>();
        for (JsonNode task : client.listAll(tasksUrl, "tasks", "list tasks")) {
            ids.add(task.path("taskId").asText());
        }
        return ids;
    }

    TaskStatus status(ActionType type, String actionId, String taskId) {
        ApiCall call = ApiCall.get("task status of " + type.label() + " " + actionId,
                actionUrl(type, actionId) + "/tasks/" + taskId);
        return Json.convert(transport.execute(call, TaskAnswer.reader(call)).checkedTask(taskId), TaskStatus.class);
    }

    TaskStatus cancel(ActionType type, String actionId, String taskId) {
        JsonNode node = transport.execute(
                ApiCall.delete("cancel " + type.label() + " task " + taskId, actionUrl(type, actionId) + "/tasks/" + taskId),
                (status, contentType, body) -> {
                    byte[] bytes = body.readAllBytes();
                    return bytes.length == 0 ? null : Json.parse(new ByteArrayInputStream(bytes));
                });
        TaskStatus status = node == null ? null : Json.convert(node.path("task"), TaskStatus.class);
        return status != null ? status : new TaskStatus(taskId, TaskState.CANCELLING, null, null, null, null);
    }

    /**
     * Starts a task and polls until it is terminal. The task is registered before it starts, so closing the client at
     * any moment cancels it.
     */
    TaskStatus startAndAwait(ActionType type, String actionId, TaskOptions options) {
        transport.stats().tasksRunningCounter().incrementAndGet();
        try (ActiveTasks.Entry entry = client.activeTasks().register(type.label() + " " + actionId)) {
            String taskId = start(type, actionId, options);
            WatchedTask<TaskStatus> task = WatchedTask.of(type.label() + " " + actionId + " task " + taskId,
                            () -> status(type, actionId, taskId), s -> s.taskState().isTerminal())
                    .progress(s -> s.taskState() == TaskState.IN_PROGRESS ? s.progress() : null)
                    .reportedAs(s -> s)
                    .cancelledBy(() -> cancel(type, actionId, taskId), options.cancelOnTimeout());
            return TaskWaiter.await(entry, PollSchedule.forBulkTasks(options), task);
        } finally {
            transport.stats().tasksRunningCounter().decrementAndGet();
        }
    }
}
