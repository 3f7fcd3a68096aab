package io.github.camelanaplan.client.transactional;

/** A view of a model; a module's default view has the module's id. */
public record View(String id, String name, String code, String moduleId) {
}
