package io.github.camelanaplan.client.alm;

/** The body of {@code POST /models/{m}/alm/revisions}: the new revision tag's name and description. */
record RevisionBody(String name, String description) {
}
