package io.github.camelanaplan.client.bulk;

/** A process (118…): a chain of actions. */
public record Process(String id, String name) {
}
