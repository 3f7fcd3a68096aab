package io.github.camelanaplan.client.transactional;

/** An id and a name, as Anaplan nests them (a line item's version, a view's axis dimension...). */
public record IdName(String id, String name) {
}
