package io.github.camelanaplan.client.alm;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.camelanaplan.client.bulk.TaskState;
import io.github.camelanaplan.client.http.ScalarText;

/**
 * A sync, comparison report or summary report task. {@code creationTime} is kept as sent (epoch milliseconds in the
 * documentation, an ISO date in some answers). {@code result} is there once the task finished.
 */
public record AlmTask(String taskId, String taskUrl, TaskState taskState, String currentStep, @JsonDeserialize(using = ScalarText.class) String creationTime,
                      Result result) {

    public AlmTask {
        taskState = taskState == null ? TaskState.UNKNOWN : taskState;
    }

    public boolean isSuccessful() {
        return taskState == TaskState.COMPLETE && result != null && Boolean.TRUE.equals(result.successful());
    }

    /** The outcome of a finished ALM task. */
    public record Result(Boolean successful, String sourceRevisionId, String targetRevisionId, String reportFileUrl,
                         Error error) {
    }

    /** Why an ALM task failed. */
    public record Error(String title, String messageText, String subtitle) {
    }
}
