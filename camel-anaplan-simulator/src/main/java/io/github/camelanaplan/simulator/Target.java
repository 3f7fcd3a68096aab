package io.github.camelanaplan.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows held by a list or module, keyed by their first column. Thread-safe. */
final class Target {

    final String name;
    private List<String> headers = new ArrayList<>();
    private final Map<String, List<String>> rows = new LinkedHashMap<>();

    Target(String name) {
        this.name = name;
    }

    synchronized List<String> headers() {
        return new ArrayList<>(headers);
    }

    /** Takes the given headers when the target holds no rows yet (the first import defines the columns). */
    synchronized void adoptHeadersIfNoRows(List<String> h) {
        if (rows.isEmpty() && !h.isEmpty()) {
            headers = new ArrayList<>(h);
        }
    }

    synchronized List<List<String>> rows() {
        List<List<String>> out = new ArrayList<>();
        rows.values().forEach(r -> out.add(new ArrayList<>(r)));
        return out;
    }

    synchronized void set(List<String> h, List<List<String>> newRows) {
        headers = new ArrayList<>(h);
        rows.clear();
        newRows.forEach(this::upsert);
    }

    /** Adds a row or replaces the one with the same first column. */
    synchronized void upsert(List<String> row) {
        rows.put(row.isEmpty() ? "" : row.get(0), new ArrayList<>(row));
    }

    synchronized void clear() {
        rows.clear();
    }

    synchronized int size() {
        return rows.size();
    }
}
