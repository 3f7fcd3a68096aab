package io.github.camelanaplan.client.alm;

/** The body of an ALM task start (sync, comparison report, summary report): the revisions it works on. */
record AlmTaskBody(String sourceRevisionId, String sourceModelId, String targetRevisionId) {
}
