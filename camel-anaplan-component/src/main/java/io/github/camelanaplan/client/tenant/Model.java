package io.github.camelanaplan.client.tenant;

/**
 * A model. {@code activeState} stays a string: Anaplan adds states over time and an unknown one must not fail a call.
 */
public record Model(String id, String name, String activeState, String currentWorkspaceId, String currentWorkspaceName,
                    String modelUrl, Long memoryUsage, String lastModified, String isoCreationDate,
                    Boolean modelTransactionRunning) {
}
