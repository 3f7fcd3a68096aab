package io.github.camelanaplan.client.task;

import io.github.camelanaplan.client.bulk.TaskState;
import io.github.camelanaplan.client.http.JsonAnswer;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What task answers promise (anaplan-api): a start names its task; a status is of the task asked for, in a known state,
 * and a COMPLETE one has its result. A broken promise fails as an
 * {@link io.github.camelanaplan.client.error.AnaplanProtocolException} naming the request and the field.
 */
public final class TaskAnswer {

    private TaskAnswer() {
    }

    /** The id of the task a start answer names ({@code task.taskId}, or a bare {@code taskId}). */
    public static String startedTaskId(JsonAnswer answer) {
        return requiredText(answer, answer.has("task.taskId") || answer.node("task").isObject() ? "task.taskId" : "taskId");
    }

    /** The text at {@code field} ({@code run.id}), which must be there. */
    public static String requiredText(JsonAnswer answer, String field) {
        JsonNode value = answer.node(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw answer.violation(field, value.isMissingNode() || value.isNull() ? "is missing" : "is not a non-empty string");
        }
        return value.asText();
    }

    /**
     * The {@code task} object of a status answer, checked: it is the task asked for, its state is a known one, and a
     * COMPLETE task has a result.
     */
    public static JsonNode checkedTask(JsonAnswer answer, String askedTaskId) {
        JsonNode task = answer.node("task");
        if (!task.isObject()) {
            throw answer.violation("task", "is missing");
        }
        String taskId = requiredText(answer, "task.taskId");
        if (!taskId.equals(askedTaskId)) {
            throw answer.violation("task.taskId", "is " + taskId + ", not the task asked for (" + askedTaskId + ")");
        }
        String state = requiredText(answer, "task.taskState");
        boolean known = Arrays.stream(TaskState.values()).anyMatch(s -> s != TaskState.UNKNOWN && s.name().equals(state));
        if (!known) {
            // the state alone says whether the wait is over: one we cannot read would be polled until taskTimeout
            throw answer.violation("task.taskState", "is '" + state + "', not a task state of the API");
        }
        if (TaskState.COMPLETE.name().equals(state) && !task.path("result").isObject()) {
            throw answer.violation("task.result", "is missing from a COMPLETE task");
        }
        return task;
    }
}
