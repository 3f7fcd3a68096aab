package io.github.camelanaplan.client.tenant;

/** What a model is busy with ({@code requestStatus}); {@code progress} is -1 when idle. */
public record ModelStatus(String currentStep, Double progress, Long creationTime, String taskId, String tooltip) {
}
