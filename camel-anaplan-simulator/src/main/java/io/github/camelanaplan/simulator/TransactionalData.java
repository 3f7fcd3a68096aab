package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Transactional API state of a model: lists, modules, views, cells, calendar and versions. Thread-safe. */
final class TransactionalData {

    static final String TIME = "20000000003";
    static final String VERSIONS = "20000000020";
    static final String LINE_ITEMS = "20000000001";
    static final String USERS = "101999999999";

    /** An item of any dimension. */
    static final class DimItem {
        final String id;
        final String name;
        final String code;

        DimItem(String id, String name, String code) {
            this.id = id;
            this.name = name;
            this.code = code == null ? "" : code;
        }
    }

    /** A version (Actual, Forecast...). */
    static final class Version {
        final String id;
        final String name;
        final boolean actual;
        volatile boolean current;
        volatile String switchover;

        Version(String id, String name, boolean actual, boolean current) {
            this.id = id;
            this.name = name;
            this.actual = actual;
            this.current = current;
        }
    }

    final Map<String, SimList> lists = new LinkedHashMap<>();
    final Map<String, SimModule> modules = new LinkedHashMap<>();
    final Map<String, SimView> views = new LinkedHashMap<>();
    final List<Version> versions = new ArrayList<>();
    final Map<String, String> cells = new ConcurrentHashMap<>();
    final Map<String, ReadRequest> readRequests = new ConcurrentHashMap<>();
    volatile int fiscalYearStart = 2026;
    volatile LocalDate currentPeriodEnd = LocalDate.of(2026, 1, 31);
    volatile String calendarType = "Calendar Months/Quarters/Years";

    synchronized void populateDefault() {
        SimList regions = new SimList("101000000001", "Regions", "REG", false, true, null, 202000000001L);
        regions.properties.put("Manager", "TEXT");
        regions.properties.put("Headcount", "NUMBER");
        regions.properties.put("Active", "BOOLEAN");
        regions.subsets.add("Core regions");
        String[][] r = {{"North", "N"}, {"South", "S"}, {"East", "E"}, {"West", "W"}};
        for (String[] x : r) {
            SimList.Item it = regions.add(x[0], x[1]);
            it.properties.put("Manager", "");
            it.properties.put("Headcount", "0");
            it.properties.put("Active", "true");
            it.subsets.put("Core regions", !x[0].equals("West"));
        }
        lists.put(regions.id, regions);
        SimList products = new SimList("101000000002", "Product Lines", "PL", false, true, null, 202100000001L);
        products.add("Hardware", "HW");
        products.add("Software", "SW");
        products.add("Services", "SV");
        lists.put(products.id, products);
        SimList tickets = new SimList("101000000003", "Tickets", "", true, true, null, 202200000001L);
        lists.put(tickets.id, tickets);

        versions.add(new Version("107000000001", "Actual", true, false));
        versions.add(new Version("107000000002", "Forecast", false, true));

        SimModule revenue = new SimModule("102000000001", "Revenue", "REV", List.of(regions.id, TIME, VERSIONS));
        revenue.lineItems.add(new SimModule.LineItem("206000000001", "Sales", "NUMBER", revenue));
        revenue.lineItems.add(new SimModule.LineItem("206000000002", "Notes", "TEXT", revenue));
        modules.put(revenue.id, revenue);
        SimModule assumptions = new SimModule("102000000002", "Assumptions", "ASM", List.of(products.id));
        assumptions.lineItems.add(new SimModule.LineItem("206000000003", "Growth Rate", "NUMBER", assumptions));
        assumptions.lineItems.add(new SimModule.LineItem("206000000004", "Launched", "BOOLEAN", assumptions));
        modules.put(assumptions.id, assumptions);

        views.put(revenue.id, new SimView(revenue.id, "Revenue", "", revenue, List.of(regions.id, LINE_ITEMS), List.of(TIME), List.of(VERSIONS)));
        views.put("203000000001", new SimView("203000000001", "Revenue by Region", "RBR", revenue, List.of(TIME), List.of(LINE_ITEMS), List.of(regions.id, VERSIONS)));
        views.put(assumptions.id, new SimView(assumptions.id, "Assumptions", "", assumptions, List.of(products.id), List.of(LINE_ITEMS), List.of()));
    }

    /** Seed-file transactional section: lists only (others keep the default shape). */
    synchronized void load(JsonNode node) {
        if (node.path("defaults").asBoolean(false)) {
            populateDefault();
        }
        long base = 203000000001L;
        for (JsonNode l : node.path("lists")) {
            SimList list = new SimList(l.get("id").asText(), l.path("name").asText(l.get("id").asText()), l.path("code").asText(""),
                    l.path("numbered").asBoolean(false), true, null, base);
            base += 100000;
            for (JsonNode p : l.path("properties")) {
                list.properties.put(p.path("name").asText(), p.path("format").asText("TEXT"));
            }
            for (JsonNode i : l.path("items")) {
                SimList.Item it = list.add(i.path("name").asText(), i.path("code").asText(""));
                i.path("properties").fields().forEachRemaining(e -> it.properties.put(e.getKey(), e.getValue().asText()));
            }
            lists.put(list.id, list);
        }
    }

    synchronized SimList list(String id) {
        return lists.get(id);
    }

    synchronized SimModule module(String id) {
        return modules.get(id);
    }

    synchronized SimView view(String id) {
        SimView v = views.get(id);
        if (v != null) {
            return v;
        }
        // a line item id works as a view of its module showing that line item only
        for (SimModule m : modules.values()) {
            for (SimModule.LineItem li : m.lineItems) {
                if (li.id.equals(id)) {
                    SimView def = views.get(m.id);
                    return new SimView(li.id, li.name, "", m, def.rows, def.columns, def.pages);
                }
            }
        }
        return null;
    }

    synchronized List<SimModule.LineItem> allLineItems() {
        List<SimModule.LineItem> out = new ArrayList<>();
        modules.values().forEach(m -> out.addAll(m.lineItems));
        return out;
    }

    synchronized SimModule.LineItem lineItem(String id) {
        for (SimModule.LineItem li : allLineItems()) {
            if (li.id.equals(id)) {
                return li;
            }
        }
        return null;
    }

    /** Items of a dimension (list, time, versions); null for an unknown dimension. */
    List<DimItem> dimensionItems(String dimId) {
        if (TIME.equals(dimId)) {
            return timeItems();
        }
        if (VERSIONS.equals(dimId)) {
            List<DimItem> out = new ArrayList<>();
            versions.forEach(v -> out.add(new DimItem(v.id, v.name, "")));
            return out;
        }
        if (USERS.equals(dimId)) {
            return List.of(new DimItem("101999999001", Seed.USERNAME, ""));
        }
        SimList l = list(dimId);
        if (l == null) {
            return null;
        }
        List<DimItem> out = new ArrayList<>();
        l.items().forEach(i -> out.add(new DimItem(i.id, i.name, i.code)));
        return out;
    }

    /** Items of a dimension as seen in a view of this module (line items resolve to the module's). */
    List<DimItem> viewDimensionItems(SimView v, String dimId) {
        if (LINE_ITEMS.equals(dimId)) {
            List<DimItem> out = new ArrayList<>();
            for (SimModule.LineItem li : v.module.lineItems) {
                if (v.id.equals(li.id) || !isLineItemView(v)) {
                    out.add(new DimItem(li.id, li.name, ""));
                }
            }
            return out;
        }
        return dimensionItems(dimId);
    }

    private boolean isLineItemView(SimView v) {
        return v.module.lineItem(v.id) != null;
    }

    String dimensionName(String dimId) {
        if (TIME.equals(dimId)) {
            return "Time";
        }
        if (VERSIONS.equals(dimId)) {
            return "Versions";
        }
        if (LINE_ITEMS.equals(dimId)) {
            return "Line Items";
        }
        if (USERS.equals(dimId)) {
            return "Users";
        }
        SimList l = list(dimId);
        return l == null ? dimId : l.name;
    }

    List<DimItem> timeItems() {
        List<DimItem> out = new ArrayList<>();
        int year = fiscalYearStart;
        for (int month = 1; month <= 12; month++) {
            out.add(new DimItem(timeItemId(year, month), periodText(year, month), ""));
        }
        return out;
    }

    static String timeItemId(int year, int month) {
        return String.valueOf(5438300000L + (year - 2000) * 100L + month);
    }

    static String periodText(int year, int month) {
        return java.time.Month.of(month).getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + String.format("%02d", year % 100);
    }

    LocalDate timescaleStart() {
        return LocalDate.of(fiscalYearStart - 1, 1, 1);
    }

    LocalDate timescaleEnd() {
        return LocalDate.of(fiscalYearStart + 1, 12, 31);
    }

    /** Key of a cell: module, line item and one item id per module dimension in the module's order. */
    static String cellKey(SimModule m, String lineItemId, List<String> itemIds) {
        return m.id + "|" + lineItemId + "|" + String.join("|", itemIds);
    }

    /** The value of a cell; NUMBER cells nobody wrote hold a deterministic default. */
    String cell(SimModule m, SimModule.LineItem li, List<String> itemIds) {
        String v = cells.get(cellKey(m, li.id, itemIds));
        if (v != null) {
            return v;
        }
        if ("NUMBER".equals(li.format)) {
            int h = Math.floorMod((li.id + String.join("", itemIds)).hashCode(), 1000);
            return String.valueOf(h);
        }
        if ("BOOLEAN".equals(li.format)) {
            return "false";
        }
        return "";
    }
}
