package io.github.camelanaplan.client.model;

/** A process (118…): a chain of actions. */
public record Process(String id, String name) {
}
