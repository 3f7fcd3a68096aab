package io.github.camelanaplan.client.bulk;

/** A task as {@code GET …/tasks/{taskId}} reports it; {@code result} is present once the task is terminal. */
public record TaskStatus(String taskId, TaskState taskState, String currentStep, Double progress, Long creationTime,
                         TaskResult result) {

    public TaskStatus {
        taskState = taskState == null ? TaskState.UNKNOWN : taskState;
    }

    /** Finished and reported successful. */
    public boolean isSuccessful() {
        return taskState == TaskState.COMPLETE && result != null && Boolean.TRUE.equals(result.successful());
    }
}
