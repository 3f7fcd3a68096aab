package io.github.camelanaplan.client.transactional;

/** A list (dimension) of a model ({@code GET …/lists}). */
public record AnaplanList(String id, String name, String code) {
}
