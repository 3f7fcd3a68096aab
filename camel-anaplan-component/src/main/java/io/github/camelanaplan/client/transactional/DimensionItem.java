package io.github.camelanaplan.client.transactional;

/** An item of a dimension: list item, time period, version, user. */
public record DimensionItem(String id, String name, String code) {
}
