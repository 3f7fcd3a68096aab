package io.github.camelanaplan.client.alm;

/** A model a revision was applied to. */
public record AppliedToModel(String modelId, String modelName, String workspaceId, String appliedBy, String appliedOn,
                             String appliedMethod, Boolean modelDeleted) {
}
