package io.github.camelanaplan.client.cloudworks;

/**
 * A run of a CloudWorks integration. {@code success} and {@code endDate} are null while it runs.
 */
public record IntegrationRun(String id, String integrationId, String startDate, String endDate, Boolean success,
                             String message, String executionErrorCode, String triggerSource) {

    public boolean isFinished() {
        return success != null || endDate != null && !endDate.isBlank();
    }
}
