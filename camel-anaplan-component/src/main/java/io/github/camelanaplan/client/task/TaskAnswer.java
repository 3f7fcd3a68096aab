package io.github.camelanaplan.client.task;

import io.github.camelanaplan.client.bulk.TaskState;
import io.github.camelanaplan.client.error.AnaplanProtocolException;
import io.github.camelanaplan.client.http.ApiCall;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.ResponseReader;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON answer about a task together with the request it answers, so that a broken promise fails as an
 * {@link AnaplanProtocolException} naming the request and the field (anaplan-api: a start names its task; a status
 * is of the task asked for, in a known state, and a COMPLETE one has its result).
 */
public record TaskAnswer(String step, String method, String path, int httpStatus, JsonNode body) {

    public static ResponseReader<TaskAnswer> reader(ApiCall call) {
        return (status, contentType, in) -> new TaskAnswer(call.step(), call.method(), call.path(), status, Json.parse(in));
    }

    /** The id of the task a start answer names ({@code task.taskId}, or a bare {@code taskId}). */
    public String startedTaskId() {
        return requiredText(body.path("task").has("taskId") ? body.path("task") : body, "taskId",
                body.path("task").has("taskId") ? "task.taskId" : "taskId");
    }

    /** The id under {@code container.key} ({@code run.id}), which must be there. */
    public String requiredId(String container, String key) {
        return requiredText(body.path(container), key, container + "." + key);
    }

    /**
     * The {@code task} object of a status answer, checked: it is the task asked for, its state is a known one, and a
     * COMPLETE task has a result.
     */
    public JsonNode checkedTask(String askedTaskId) {
        JsonNode task = body.path("task");
        if (!task.isObject()) {
            throw broken("task", "is missing");
        }
        String taskId = requiredText(task, "taskId", "task.taskId");
        if (!taskId.equals(askedTaskId)) {
            throw broken("task.taskId", "is " + taskId + ", not the task asked for (" + askedTaskId + ")");
        }
        String state = requiredText(task, "taskState", "task.taskState");
        boolean known = Arrays.stream(TaskState.values()).anyMatch(s -> s != TaskState.UNKNOWN && s.name().equals(state));
        if (!known) {
            // the state alone says whether the wait is over: one we cannot read would be polled until taskTimeout
            throw broken("task.taskState", "is '" + state + "', not a task state of the API");
        }
        if (TaskState.COMPLETE.name().equals(state) && !task.path("result").isObject()) {
            throw broken("task.result", "is missing from a COMPLETE task");
        }
        return task;
    }

    public AnaplanProtocolException broken(String field, String problem) {
        return new AnaplanProtocolException(step, method, path, httpStatus, field, problem);
    }

    private String requiredText(JsonNode node, String key, String field) {
        JsonNode value = node.path(key);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw broken(field, value.isMissingNode() || value.isNull() ? "is missing" : "is not a non-empty string");
        }
        return value.asText();
    }
}
