package io.github.camelanaplan.client.transactional;

/** The body of a view read request start: the export type of the pages. */
record ViewReadBody(String exportType) {
}
