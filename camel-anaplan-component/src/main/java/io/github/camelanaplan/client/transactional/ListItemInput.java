package io.github.camelanaplan.client.transactional;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A list item to add, update, upsert or delete. Fields left null are not sent. Updates and deletes identify the item
 * by exactly one of {@code id}, {@code code} or {@code name}; numbered lists take no {@code name} on add.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListItemInput(String id, String name, String code, String parent, Map<String, String> properties,
                            Map<String, Boolean> subsets) {

    public static ListItemInput named(String name, String code) {
        return new ListItemInput(null, name, code, null, null, null);
    }

    public static ListItemInput withCode(String code) {
        return new ListItemInput(null, null, code, null, null, null);
    }

    public ListItemInput withParent(String newParent) {
        return new ListItemInput(id, name, code, newParent, properties, subsets);
    }

    public ListItemInput withProperties(Map<String, String> newProperties) {
        return new ListItemInput(id, name, code, parent, newProperties, subsets);
    }

    public ListItemInput withSubsets(Map<String, Boolean> newSubsets) {
        return new ListItemInput(id, name, code, parent, properties, newSubsets);
    }
}
