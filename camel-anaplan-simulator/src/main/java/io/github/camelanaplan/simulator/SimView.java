package io.github.camelanaplan.simulator;

import java.util.List;

/** A view of a module: which dimensions are on rows, columns and pages. "Line items" is {@link TransactionalData#LINE_ITEMS}. */
final class SimView {

    final String id;
    final String name;
    final String code;
    final SimModule module;
    final List<String> rows;
    final List<String> columns;
    final List<String> pages;

    SimView(String id, String name, String code, SimModule module, List<String> rows, List<String> columns, List<String> pages) {
        this.id = id;
        this.name = name;
        this.code = code;
        this.module = module;
        this.rows = rows;
        this.columns = columns;
        this.pages = pages;
    }
}
