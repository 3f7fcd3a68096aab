package io.github.camelanaplan.client.transactional;

/** A module of a model ({@code GET /models/{m}/modules}). */
public record Module(String id, String name, String code) {
}
