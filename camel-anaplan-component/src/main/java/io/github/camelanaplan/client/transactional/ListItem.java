package io.github.camelanaplan.client.transactional;

import java.util.Map;

/**
 * An item of a list as read; {@code properties}, {@code subsets}, {@code read} and {@code write} only with
 * {@code includeAll=true}.
 */
public record ListItem(String id, String name, String code, String parent, String parentId, String listId,
                       String listName, Map<String, String> properties, Map<String, Boolean> subsets, Boolean read,
                       Boolean write) {
}
