package io.github.camelanaplan.client.tenant;

/** A workspace ({@code GET /workspaces}); size fields only with {@code tenantDetails=true}. */
public record Workspace(String id, String name, Boolean active, Long sizeAllowance, Long currentSize) {
}
