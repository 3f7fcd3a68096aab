package io.github.camelanaplan.client.cloudworks;

/** A CloudWorks integration (anaplan-api §9). */
public record Integration(String integrationId, String name, String workspaceId, String modelId, String createdDate,
                          String createdBy, String modifiedDate, String modifiedBy, String version, String processId) {
}
