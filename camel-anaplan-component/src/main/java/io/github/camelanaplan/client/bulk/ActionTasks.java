package io.github.camelanaplan.client.bulk;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.http.ApiPath;
import io.github.camelanaplan.client.http.ApiRequest;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.JsonAnswer;
import io.github.camelanaplan.client.http.RequestKind;
import io.github.camelanaplan.client.http.RetryingCaller;
import io.github.camelanaplan.client.task.ActiveTasks;
import io.github.camelanaplan.client.task.PollSchedule;
import io.github.camelanaplan.client.task.TaskAnswer;
import io.github.camelanaplan.client.task.TaskOptions;
import io.github.camelanaplan.client.task.TaskStarter;
import io.github.camelanaplan.client.task.TaskWaiter;
import io.github.camelanaplan.client.task.WatchedTask;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The task endpoints of a model's actions: start (once, re-sent only when the task list shows it never arrived),
 * status, cancel, and start-and-wait with progress-timed polls.
 */
final class ActionTasks {

    private final RetryingCaller transport;
    private final AnaplanClient client;
    private final ApiPath modelPath;
    private final TaskStarter starter;

    ActionTasks(RetryingCaller transport, AnaplanClient client, ApiPath modelPath) {
        this.transport = transport;
        this.client = client;
        this.modelPath = modelPath;
        this.starter = new TaskStarter(TaskStarter.Resend.WHEN_NOT_LISTED, client.callOptions().timeout());
    }

    ApiPath actionPath(ActionType type, String actionId) {
        return modelPath.then(type.collection(), actionId);
    }

    /** The dump's path: {@code …/tasks/{t}/dump} for an import, {@code …/tasks/{t}/dumps/{objectId}} for a process. */
    ApiPath dumpPath(ActionType type, String actionId, String taskId, String objectId) {
        ApiPath task = actionPath(type, actionId).then("tasks", taskId);
        return objectId == null || objectId.equals(actionId) ? task.then("dump") : task.then("dumps", objectId);
    }

    /** Starts a task; one call starts one task (see {@link TaskStarter}). */
    String start(ActionType type, String actionId, TaskOptions options) {
        ApiPath tasksUrl = actionPath(type, actionId).then("tasks");
        ApiRequest call = ApiRequest.post(tasksUrl).json(new TaskStartBody(options.locale(), options.mappingParameters()))
                .kind(RequestKind.TASK_START).step("start " + type.label() + " " + actionId).build();
        String taskId = starter.start(call.step(), () -> taskIds(tasksUrl),
                () -> TaskAnswer.startedTaskId(transport.execute(call, Json.answer(call))));
        transport.stats().taskStarted();
        return taskId;
    }

    private Set<String> taskIds(ApiPath tasksUrl) {
        Set<String> ids = new HashSet<>();
        for (JsonNode task : client.listAll(ApiRequest.get(tasksUrl).step("list tasks").build(), "tasks")) {
            ids.add(task.path("taskId").asText());
        }
        return ids;
    }

    TaskStatus status(ActionType type, String actionId, String taskId) {
        ApiRequest request = ApiRequest.get(actionPath(type, actionId).then("tasks", taskId))
                .step("task status of " + type.label() + " " + actionId).build();
        JsonAnswer answer = transport.execute(request, Json.answer(request));
        return answer.convert(TaskAnswer.checkedTask(answer, taskId), "task", TaskStatus.class);
    }

    TaskStatus cancel(ActionType type, String actionId, String taskId) {
        ApiRequest request = ApiRequest.delete(actionPath(type, actionId).then("tasks", taskId))
                .step("cancel " + type.label() + " task " + taskId).build();
        TaskStatus status = transport.execute(request, Json.answerOrEmpty(request)).read("task", TaskStatus.class);
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
