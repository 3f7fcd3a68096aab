package io.github.camelanaplan.simulator;

/** Transactional API state of a model (modules, lists, views, calendar). Filled in by later steps. */
final class TransactionalData {

    void populateDefault() {
    }

    void load(com.fasterxml.jackson.databind.JsonNode node) {
    }
}
