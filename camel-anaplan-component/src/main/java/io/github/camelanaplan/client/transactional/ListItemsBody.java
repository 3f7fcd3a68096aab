package io.github.camelanaplan.client.transactional;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body of a list item write: {@code {"items": [...]}}, the items as the caller gave them (nulls removed). */
record ListItemsBody(List<ObjectNode> items) {
}
