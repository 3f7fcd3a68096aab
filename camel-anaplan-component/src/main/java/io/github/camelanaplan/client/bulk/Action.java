package io.github.camelanaplan.client.bulk;

/** An "other" action (117…): delete by selection, optimizer... */
public record Action(String id, String name, String actionType) {
}
