package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders views as CSV grids, JSON (format=v1) and tabular exports; renders lists as CSV. */
final class ViewRenderer {

    static final int MAX_CELLS = 1_000_000;

    private final TransactionalData data;

    ViewRenderer(TransactionalData data) {
        this.data = data;
    }

    private List<List<TransactionalData.DimItem>> combos(SimView v, List<String> dims) {
        List<List<TransactionalData.DimItem>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        for (String d : dims) {
            List<TransactionalData.DimItem> items = data.viewDimensionItems(v, d);
            List<List<TransactionalData.DimItem>> next = new ArrayList<>();
            for (List<TransactionalData.DimItem> prefix : out) {
                for (TransactionalData.DimItem it : items) {
                    List<TransactionalData.DimItem> n = new ArrayList<>(prefix);
                    n.add(it);
                    next.add(n);
                }
            }
            out = next;
        }
        return out;
    }

    /** Page selection: defaults to the first item of each page dimension; selectors "dimId:itemId". */
    Map<String, TransactionalData.DimItem> pageSelection(SimView v, List<String> selectors) {
        Map<String, TransactionalData.DimItem> sel = new LinkedHashMap<>();
        for (String d : v.pages) {
            List<TransactionalData.DimItem> items = data.viewDimensionItems(v, d);
            sel.put(d, items.isEmpty() ? null : items.get(0));
        }
        for (String s : selectors) {
            for (String part : s.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int colon = part.indexOf(':');
                String dim = colon < 0 ? part : part.substring(0, colon);
                if (!v.pages.contains(dim)) {
                    throw ApiException.badRequest("Invalid page selector [" + dim + "]");
                }
                String itemId = colon < 0 ? "" : part.substring(colon + 1);
                TransactionalData.DimItem found = null;
                for (TransactionalData.DimItem it : data.viewDimensionItems(v, dim)) {
                    if (it.id.equals(itemId)) {
                        found = it;
                    }
                }
                if (found == null) {
                    throw ApiException.badRequest("Invalid page selector [" + part + "]");
                }
                sel.put(dim, found);
            }
        }
        return sel;
    }

    private static <T> List<T> limit(List<T> list, int max) {
        return list.size() > max ? list.subList(0, Math.max(0, max)) : list;
    }

    private String value(SimView v, Map<String, String> coords) {
        SimModule m = v.module;
        String liId = coords.get(TransactionalData.LINE_ITEMS);
        SimModule.LineItem li = liId == null ? m.lineItems.get(0) : m.lineItem(liId);
        List<String> ids = new ArrayList<>();
        for (String d : m.dimensionIds) {
            String it = coords.get(d);
            if (it == null) {
                List<TransactionalData.DimItem> items = data.dimensionItems(d);
                it = items == null || items.isEmpty() ? "" : items.get(0).id;
            }
            ids.add(it);
        }
        return data.cell(m, li, ids);
    }

    private void check(long cells) {
        if (cells > MAX_CELLS) {
            throw ApiException.badRequest("The request exceeds the limit of " + MAX_CELLS + " cells");
        }
    }

    /** One page of the grid as CSV. */
    String gridCsv(SimView v, Map<String, TransactionalData.DimItem> pages) {
        return gridCsv(v, pages, Integer.MAX_VALUE);
    }

    /** One page of the grid as CSV, at most {@code maxRows} data rows. */
    String gridCsv(SimView v, Map<String, TransactionalData.DimItem> pages, int maxRows) {
        List<List<TransactionalData.DimItem>> rows = limit(combos(v, v.rows), maxRows);
        List<List<TransactionalData.DimItem>> cols = combos(v, v.columns);
        check((long) rows.size() * cols.size());
        StringBuilder sb = new StringBuilder();
        if (!v.pages.isEmpty()) {
            List<String> names = new ArrayList<>();
            pages.values().forEach(p -> names.add(p == null ? "" : p.name));
            sb.append(Csv.line(names));
        }
        for (int c = 0; c < v.columns.size(); c++) {
            List<String> header = new ArrayList<>();
            for (int i = 0; i < v.rows.size(); i++) {
                header.add("");
            }
            for (List<TransactionalData.DimItem> col : cols) {
                header.add(col.get(c).name);
            }
            sb.append(Csv.line(header));
        }
        for (List<TransactionalData.DimItem> row : rows) {
            List<String> line = new ArrayList<>();
            row.forEach(it -> line.add(it.name));
            for (List<TransactionalData.DimItem> col : cols) {
                line.add(value(v, coords(v, row, col, pages)));
            }
            sb.append(Csv.line(line));
        }
        return sb.toString();
    }

    private Map<String, String> coords(SimView v, List<TransactionalData.DimItem> row, List<TransactionalData.DimItem> col,
            Map<String, TransactionalData.DimItem> pages) {
        Map<String, String> c = new HashMap<>();
        pages.forEach((d, it) -> c.put(d, it == null ? null : it.id));
        for (int i = 0; i < v.rows.size(); i++) {
            c.put(v.rows.get(i), row.get(i).id);
        }
        for (int i = 0; i < v.columns.size(); i++) {
            c.put(v.columns.get(i), col.get(i).id);
        }
        return c;
    }

    /** The grid as the JSON of §6.2 (format=v1). */
    ObjectNode gridJson(SimView v, Map<String, TransactionalData.DimItem> pages, int maxRows) {
        List<List<TransactionalData.DimItem>> rows = limit(combos(v, v.rows), maxRows);
        List<List<TransactionalData.DimItem>> cols = combos(v, v.columns);
        check((long) rows.size() * cols.size());
        ObjectNode root = Json.object();
        ArrayNode p = root.putArray("pages");
        pages.values().forEach(it -> p.add(it == null ? "" : it.name));
        ArrayNode cc = root.putArray("columnCoordinates");
        for (List<TransactionalData.DimItem> col : cols) {
            ArrayNode a = cc.addArray();
            col.forEach(it -> a.add(it.name));
        }
        ArrayNode rs = root.putArray("rows");
        for (List<TransactionalData.DimItem> row : rows) {
            ObjectNode r = rs.addObject();
            ArrayNode rc = r.putArray("rowCoordinates");
            row.forEach(it -> rc.add(it.name));
            ArrayNode cells = r.putArray("cells");
            for (List<TransactionalData.DimItem> col : cols) {
                cells.add(value(v, coords(v, row, col, pages)));
            }
        }
        return root;
    }

    /** All page combinations, one grid after the other. */
    String gridAllPagesCsv(SimView v) {
        StringBuilder sb = new StringBuilder();
        for (List<TransactionalData.DimItem> pageCombo : combos(v, v.pages)) {
            Map<String, TransactionalData.DimItem> sel = new LinkedHashMap<>();
            for (int i = 0; i < v.pages.size(); i++) {
                sel.put(v.pages.get(i), pageCombo.get(i));
            }
            sb.append(gridCsv(v, sel));
        }
        return sb.toString();
    }

    /** Tabular rows: one line per combination of the module's dimensions (header line first). */
    List<String> tabularLines(SimView v, boolean singleColumn) {
        SimModule m = v.module;
        List<String> dims = new ArrayList<>(m.dimensionIds);
        List<List<TransactionalData.DimItem>> combos = combos(v, dims);
        List<TransactionalData.DimItem> lis = data.viewDimensionItems(v, TransactionalData.LINE_ITEMS);
        check((long) combos.size() * lis.size());
        List<String> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        dims.forEach(d -> header.add(data.dimensionName(d)));
        if (singleColumn) {
            header.add("Line Item");
            header.add("Value");
        } else {
            lis.forEach(li -> header.add(li.name));
        }
        lines.add(Csv.line(header));
        for (List<TransactionalData.DimItem> combo : combos) {
            Map<String, String> coords = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < dims.size(); i++) {
                coords.put(dims.get(i), combo.get(i).id);
                names.add(combo.get(i).name);
            }
            if (singleColumn) {
                for (TransactionalData.DimItem li : lis) {
                    coords.put(TransactionalData.LINE_ITEMS, li.id);
                    List<String> line = new ArrayList<>(names);
                    line.add(li.name);
                    line.add(value(v, coords));
                    lines.add(Csv.line(line));
                }
            } else {
                List<String> line = new ArrayList<>(names);
                for (TransactionalData.DimItem li : lis) {
                    coords.put(TransactionalData.LINE_ITEMS, li.id);
                    line.add(value(v, coords));
                }
                lines.add(Csv.line(line));
            }
        }
        return lines;
    }

    /** The lines of a list's CSV export: id,name,code,parent,parentId,listId,listName. */
    static List<String> listLines(SimList l) {
        List<String> lines = new ArrayList<>();
        lines.add(Csv.line(List.of("id", "name", "code", "parent", "parentId", "listId", "listName")));
        for (SimList.Item i : l.items()) {
            lines.add(Csv.line(List.of(i.id, i.name, i.code, i.parent, i.parentId, l.id, l.name)));
        }
        return lines;
    }

    /** Cuts lines (the first one a header repeated on each page) into pages of at most {@code rowsPerPage} data rows. */
    static List<String> paginate(List<String> lines, int rowsPerPage) {
        List<String> pages = new ArrayList<>();
        String header = lines.isEmpty() ? "" : lines.get(0);
        StringBuilder cur = new StringBuilder(header);
        int n = 0;
        for (int i = 1; i < lines.size(); i++) {
            cur.append(lines.get(i));
            if (++n == rowsPerPage) {
                pages.add(cur.toString());
                cur = new StringBuilder(header);
                n = 0;
            }
        }
        if (n > 0 || pages.isEmpty()) {
            pages.add(cur.toString());
        }
        return pages;
    }
}
