package io.github.camelanaplan.component;

/** The layout of a view read (option {@code exportType}); the names are Anaplan's. */
public enum ExportType {
    GRID_CURRENT_PAGE,
    GRID_ALL_PAGES,
    TABULAR_SINGLE_COLUMN,
    TABULAR_MULTI_COLUMN
}
