package io.github.camelanaplan.client.transactional;

import java.util.List;

/**
 * Cells of a view as JSON rows ({@code format=v1}): the page selection, the column coordinates, and one row per row
 * coordinate with its cell values (strings, as Anaplan sends them).
 */
public record ViewData(List<String> pages, List<List<String>> columnCoordinates, List<Row> rows) {

    public ViewData {
        pages = pages == null ? List.of() : pages;
        columnCoordinates = columnCoordinates == null ? List.of() : columnCoordinates;
        rows = rows == null ? List.of() : rows;
    }

    /** One row of cells. */
    public record Row(List<String> rowCoordinates, List<String> cells) {
    }
}
