package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** §6: modules, line items, views, view data, read requests, lists and list items, cells, calendar, versions, dimensions. */
final class TransactionalEndpoints {

    private final ApiSupport api;
    private final TaskEngine engine;

    TransactionalEndpoints(ApiSupport api, TaskEngine engine) {
        this.api = api;
        this.engine = engine;
    }

    void register(Router r) {
        r.model("GET", "/modules", this::modules);
        r.model("GET", "/modules/{mod}/lineItems", req -> lineItems(req, req.param("mod")));
        r.model("GET", "/lineItems", req -> lineItems(req, null));
        r.model("GET", "/lineItems/{li}/dimensions", this::lineItemDimensions);
        r.model("GET", "/lineItems/{li}/dimensions/{d}/items", this::lineItemDimensionItems);
        r.model("GET", "/views", req -> views(req, null));
        r.model("GET", "/modules/{mod}/views", req -> views(req, req.param("mod")));
        r.model("GET", "/views/{v}", this::viewMetadata);
        r.model("GET", "/views/{v}/data", this::viewData);
        r.model("GET", "/views/{v}/dimensions/{d}/items", this::viewDimensionItems);
        r.model("POST", "/views/{v}/readRequests", req -> startRead(req, false));
        r.model("GET", "/views/{v}/readRequests/{r}", req -> readStatus(req, false));
        r.model("DELETE", "/views/{v}/readRequests/{r}", req -> readDelete(req, false));
        r.model("GET", "/views/{v}/readRequests/{r}/pages/{p}", req -> readPage(req, false));
        r.model("GET", "/lists", this::lists);
        r.model("GET", "/lists/{l}", this::listMetadata);
        r.model("GET", "/lists/{l}/items", this::listItems);
        r.model("POST", "/lists/{l}/items", this::listItemsPost);
        r.model("PUT", "/lists/{l}/items", this::listItemsUpdate);
        r.model("POST", "/lists/{l}/resetIndex", this::resetIndex);
        r.model("POST", "/lists/{l}/readRequests", req -> startRead(req, true));
        r.model("GET", "/lists/{l}/readRequests/{r}", req -> readStatus(req, true));
        r.model("DELETE", "/lists/{l}/readRequests/{r}", req -> readDelete(req, true));
        r.model("GET", "/lists/{l}/readRequests/{r}/pages/{p}", req -> readPage(req, true));
        r.model("POST", "/modules/{mod}/data", this::writeCells);
        r.model("GET", "/currentPeriod", this::currentPeriod);
        r.model("PUT", "/currentPeriod", this::setCurrentPeriod);
        r.model("GET", "/modelCalendar", this::modelCalendar);
        r.model("PUT", "/modelCalendar/fiscalYear", this::setFiscalYear);
        r.model("GET", "/versions", this::versions);
        r.model("PUT", "/versions/{ver}/switchover", this::switchover);
        r.model("GET", "/dimensions/{d}/items", this::dimensionItems);
        r.model("POST", "/dimensions/{d}/items", this::dimensionItemsLookup);
    }

    private TransactionalData data(SimRequest req) {
        return api.model(req).transactional;
    }

    private static boolean wantsCsv(SimRequest req) {
        String accept = req.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }

    private SimResponse envelope(SimRequest req, String schema, String key, JsonNode value) {
        ObjectNode root = Json.success(ApiSupport.schema(req, req.param("m"), schema));
        root.set(key, value);
        return SimResponse.json(200, root);
    }

    private SimResponse listResponse(SimRequest req, String schema, String key, List<ObjectNode> items) {
        ObjectNode root = Json.success(ApiSupport.schema(req, req.param("m"), schema));
        Json.putList(root, key, items, api.omitEmpty());
        return SimResponse.json(200, root);
    }

    private static ObjectNode idName(String id, String name) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("name", name);
        return n;
    }

    // ---------------------------------------------------------------- modules, line items, views

    private SimResponse modules(SimRequest req) {
        TransactionalData d = data(req);
        List<ObjectNode> items = new ArrayList<>();
        synchronized (d) {
            for (SimModule m : d.modules.values()) {
                ObjectNode n = idName(m.id, m.name);
                n.put("code", m.code);
                items.add(n);
            }
        }
        return api.page(req, ApiSupport.schema(req, req.param("m"), "module"), "modules", items);
    }

    private SimModule module(TransactionalData d, String id) {
        SimModule m = d.module(id);
        if (m == null) {
            throw ApiException.notFound();
        }
        return m;
    }

    private ObjectNode lineItemJson(TransactionalData d, SimModule.LineItem li, boolean all) {
        ObjectNode n = Json.object();
        n.put("moduleId", li.module.id);
        n.put("moduleName", li.module.name);
        n.put("id", li.id);
        n.put("name", li.name);
        if (all) {
            n.put("isSummary", false);
            n.put("startOfSection", false);
            n.put("broughtForward", false);
            n.put("useSwitchover", false);
            n.put("breakback", false);
            n.put("cellCount", cellCount(d, li.module));
            n.put("format", li.format);
            n.putObject("formatMetadata").put("dataType", li.format);
            ArrayNode applies = n.putArray("appliesTo");
            for (String dim : li.module.dimensionIds) {
                if (!TransactionalData.TIME.equals(dim) && !TransactionalData.VERSIONS.equals(dim)) {
                    applies.add(idName(dim, d.dimensionName(dim)));
                }
            }
            n.put("summary", "NUMBER".equals(li.format) ? "Sum" : "None");
            n.put("timeScale", li.module.dimensionIds.contains(TransactionalData.TIME) ? "Month" : "Not Applicable");
            n.put("timeRange", "Model Calendar");
            n.put("formulaScope", "");
            n.put("style", "Normal");
            n.put("code", "");
            n.put("notes", "");
            n.put("formula", "");
        }
        return n;
    }

    private static long cellCount(TransactionalData d, SimModule m) {
        long c = 1;
        for (String dim : m.dimensionIds) {
            List<TransactionalData.DimItem> items = d.dimensionItems(dim);
            c *= items == null ? 1 : Math.max(1, items.size());
        }
        return c;
    }

    private SimResponse lineItems(SimRequest req, String moduleId) {
        TransactionalData d = data(req);
        boolean all = "true".equalsIgnoreCase(req.query("includeAll"));
        List<ObjectNode> items = new ArrayList<>();
        List<SimModule.LineItem> lis = moduleId == null ? d.allLineItems() : module(d, moduleId).lineItems;
        lis.forEach(li -> items.add(lineItemJson(d, li, all)));
        return listResponse(req, "lineItem", "items", items);
    }

    private SimModule.LineItem lineItem(TransactionalData d, SimRequest req) {
        SimModule.LineItem li = d.lineItem(req.param("li"));
        if (li == null) {
            throw ApiException.notFound();
        }
        return li;
    }

    private SimResponse lineItemDimensions(SimRequest req) {
        TransactionalData d = data(req);
        SimModule.LineItem li = lineItem(d, req);
        List<ObjectNode> items = new ArrayList<>();
        li.module.dimensionIds.forEach(dim -> items.add(idName(dim, d.dimensionName(dim))));
        return listResponse(req, "dimension", "dimensions", items);
    }

    private SimResponse lineItemDimensionItems(SimRequest req) {
        TransactionalData d = data(req);
        SimModule.LineItem li = lineItem(d, req);
        String dim = req.param("d");
        if (!li.module.dimensionIds.contains(dim)) {
            throw ApiException.notFound();
        }
        return itemsResponse(req, d.dimensionItems(dim));
    }

    private SimResponse itemsResponse(SimRequest req, List<TransactionalData.DimItem> items) {
        if (items == null) {
            throw ApiException.notFound();
        }
        if (items.size() > ViewRenderer.MAX_CELLS) {
            throw ApiException.badRequest("The dimension has more than " + ViewRenderer.MAX_CELLS + " items");
        }
        List<ObjectNode> out = new ArrayList<>();
        for (TransactionalData.DimItem it : items) {
            ObjectNode n = idName(it.id, it.name);
            n.put("code", it.code);
            out.add(n);
        }
        return listResponse(req, "dimensionItem", "items", out);
    }

    private SimResponse views(SimRequest req, String moduleId) {
        TransactionalData d = data(req);
        if (moduleId != null) {
            module(d, moduleId);
        }
        List<ObjectNode> items = new ArrayList<>();
        synchronized (d) {
            for (SimView v : d.views.values()) {
                if (moduleId == null || v.module.id.equals(moduleId)) {
                    ObjectNode n = Json.object();
                    n.put("code", v.code);
                    n.put("id", v.id);
                    n.put("name", v.name);
                    n.put("moduleId", v.module.id);
                    items.add(n);
                }
            }
        }
        return api.page(req, ApiSupport.schema(req, req.param("m"), "view"), "views", items);
    }

    private SimView view(TransactionalData d, SimRequest req) {
        SimView v = d.view(req.param("v"));
        if (v == null) {
            throw ApiException.notFound();
        }
        return v;
    }

    private SimResponse viewMetadata(SimRequest req) {
        TransactionalData d = data(req);
        SimView v = view(d, req);
        ObjectNode root = Json.success(ApiSupport.schema(req, req.param("m"), "viewMetadata"));
        root.put("viewName", v.name);
        root.put("viewId", v.id);
        axis(root, "rows", v.rows, d);
        axis(root, "columns", v.columns, d);
        axis(root, "pages", v.pages, d);
        return SimResponse.json(200, root);
    }

    private void axis(ObjectNode root, String key, List<String> dims, TransactionalData d) {
        if (dims.isEmpty()) {
            return;
        }
        ArrayNode a = root.putArray(key);
        dims.forEach(dim -> a.add(idName(dim, d.dimensionName(dim))));
    }

    private SimResponse viewData(SimRequest req) {
        TransactionalData d = data(req);
        SimView v = view(d, req);
        ViewRenderer r = new ViewRenderer(d);
        String exportType = req.query("exportType");
        List<String> selectors = req.queryAll("pages");
        boolean json = "v1".equalsIgnoreCase(req.query("format")) && !wantsCsv(req);
        if (exportType != null && exportType.startsWith("TABULAR")) {
            if (req.query("moduleId") == null) {
                throw ApiException.badRequest("moduleId is required for tabular export types");
            }
            List<String> lines = r.tabularLines(v, exportType.equals("TABULAR_SINGLE_COLUMN"));
            return SimResponse.text(200, "text/csv;charset=UTF-8", String.join("", lines));
        }
        if ("GRID_ALL_PAGES".equals(exportType)) {
            return SimResponse.text(200, "text/csv;charset=UTF-8", r.gridAllPagesCsv(v));
        }
        Map<String, TransactionalData.DimItem> pages = r.pageSelection(v, selectors);
        if (json) {
            return SimResponse.json(200, r.gridJson(v, pages));
        }
        return SimResponse.text(200, "text/csv;charset=UTF-8", r.gridCsv(v, pages));
    }

    private SimResponse viewDimensionItems(SimRequest req) {
        TransactionalData d = data(req);
        SimView v = view(d, req);
        String dim = req.param("d");
        if (!v.rows.contains(dim) && !v.columns.contains(dim) && !v.pages.contains(dim)) {
            throw ApiException.notFound();
        }
        return itemsResponse(req, d.viewDimensionItems(v, dim));
    }

    // ---------------------------------------------------------------- read requests

    private SimResponse startRead(SimRequest req, boolean list) {
        TransactionalData d = data(req);
        List<String> lines;
        String objectId;
        if (list) {
            SimList l = listOf(d, req);
            objectId = l.id;
            lines = ViewRenderer.listLines(l);
        } else {
            SimView v = view(d, req);
            objectId = v.id;
            JsonNode body = req.body().length == 0 ? Json.object() : Json.parseObject(req.body(), "read request");
            String exportType = body.path("exportType").asText("TABULAR_MULTI_COLUMN");
            ViewRenderer r = new ViewRenderer(d);
            switch (exportType) {
                case "TABULAR_MULTI_COLUMN":
                    lines = r.tabularLines(v, false);
                    break;
                case "TABULAR_SINGLE_COLUMN":
                    lines = r.tabularLines(v, true);
                    break;
                case "GRID_ALL_PAGES":
                    lines = new ArrayList<>();
                    lines.add("");
                    r.gridAllPagesCsv(v).lines().forEach(l -> lines.add(l + "\n"));
                    break;
                default:
                    throw ApiException.badRequest("Unsupported exportType " + exportType);
            }
        }
        List<String> pages = ViewRenderer.paginate(lines, api.options.readRequestPageRows());
        String id = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
        ReadRequest rr = new ReadRequest(id, objectId, list, pages);
        d.readRequests.put(id, rr);
        Duration total = api.options.taskDuration();
        long step = Math.max(1, total.toMillis() / pages.size());
        for (int i = 1; i <= pages.size(); i++) {
            int available = i;
            engine.later(Duration.ofMillis(step * i), () -> {
                if (rr.state == TaskState.IN_PROGRESS) {
                    rr.availablePages = available;
                    if (available == pages.size()) {
                        rr.state = TaskState.COMPLETE;
                    }
                }
            });
        }
        return readResponse(req, rr, false);
    }

    private SimResponse readResponse(SimRequest req, ReadRequest rr, boolean details) {
        String key = rr.list ? "listReadRequest" : "viewReadRequest";
        ObjectNode root = Json.success(ApiSupport.schema(req, null, key));
        ObjectNode n = root.putObject(key);
        n.put("requestId", rr.requestId);
        n.put("requestState", rr.state.name());
        String base = req.path().replaceAll("/readRequests(/.*)?$", "/readRequests/");
        n.put("url", req.baseUrl() + base + rr.requestId);
        if (details) {
            n.put(rr.list ? "listId" : "viewId", rr.objectId);
            n.put("availablePages", rr.availablePages);
            n.put("successful", rr.state != TaskState.CANCELLED);
        }
        return SimResponse.json(200, root);
    }

    private ReadRequest readRequest(SimRequest req, boolean list) {
        TransactionalData d = data(req);
        ReadRequest rr = d.readRequests.get(req.param("r"));
        String objectId = req.param(list ? "l" : "v");
        if (rr == null || rr.list != list || !rr.objectId.equals(objectId)) {
            throw ApiException.notFound();
        }
        return rr;
    }

    private SimResponse readStatus(SimRequest req, boolean list) {
        return readResponse(req, readRequest(req, list), true);
    }

    private SimResponse readDelete(SimRequest req, boolean list) {
        ReadRequest rr = readRequest(req, list);
        if (rr.state != TaskState.COMPLETE) {
            rr.state = TaskState.CANCELLED;
        }
        data(req).readRequests.remove(rr.requestId);
        return readResponse(req, rr, false);
    }

    private SimResponse readPage(SimRequest req, boolean list) {
        ReadRequest rr = readRequest(req, list);
        int p;
        try {
            p = Integer.parseInt(req.param("p"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound();
        }
        if (p < 0 || p >= rr.availablePages) {
            throw ApiException.notFound();
        }
        return SimResponse.text(200, "text/csv;charset=UTF-8", rr.pages.get(p));
    }

    // ---------------------------------------------------------------- lists

    private SimList listOf(TransactionalData d, SimRequest req) {
        SimList l = d.list(req.param("l"));
        if (l == null) {
            throw ApiException.notFound();
        }
        return l;
    }

    private SimResponse lists(SimRequest req) {
        TransactionalData d = data(req);
        List<ObjectNode> items = new ArrayList<>();
        synchronized (d) {
            for (SimList l : d.lists.values()) {
                ObjectNode n = idName(l.id, l.name);
                n.put("code", l.code);
                items.add(n);
            }
        }
        return api.page(req, ApiSupport.schema(req, req.param("m"), "list"), "lists", items);
    }

    private SimResponse listMetadata(SimRequest req) {
        SimList l = listOf(data(req), req);
        ObjectNode md = Json.object();
        synchronized (l) {
            md.put("id", l.id);
            md.put("name", l.name);
            ArrayNode props = md.putArray("properties");
            l.properties.forEach((name, format) -> {
                ObjectNode p = props.addObject();
                p.put("name", name);
                p.put("format", format);
                p.put("formula", "");
                p.put("notes", "");
                p.put("referencedBy", "");
            });
            md.put("hasSelectiveAccess", false);
            md.putObject("parent").put("id", "").put("name", "");
            md.put("managedBy", "");
            md.put("numberedList", l.numbered);
            md.put("useTopLevelAsPageDefault", false);
            md.put("itemCount", l.items.size());
            md.put("nextItemIndex", l.nextItemIndex);
            md.put("workflowEnabled", false);
            md.put("productionData", false);
            md.put("permittedItems", l.items.size());
            ArrayNode subsets = md.putArray("subsets");
            l.subsets.forEach(s -> subsets.addObject().put("name", s));
            md.put("topLevelItem", "All " + l.name);
        }
        return envelope(req, "listMetadata", "metadata", md);
    }

    private SimResponse listItems(SimRequest req) {
        SimList l = listOf(data(req), req);
        if (wantsCsv(req)) {
            return SimResponse.text(200, "text/csv;charset=UTF-8", String.join("", ViewRenderer.listLines(l)));
        }
        boolean all = "true".equalsIgnoreCase(req.query("includeAll"));
        List<ObjectNode> items = new ArrayList<>();
        for (SimList.Item i : l.items()) {
            ObjectNode n = idName(i.id, i.name);
            n.put("code", i.code);
            n.put("parent", i.parent);
            n.put("parentId", i.parentId);
            n.put("listId", l.id);
            n.put("listName", l.name);
            if (all) {
                ObjectNode subsets = n.putObject("subsets");
                i.subsets.forEach(subsets::put);
                ObjectNode props = n.putObject("properties");
                i.properties.forEach(props::put);
                n.put("read", true);
                n.put("write", true);
            }
            items.add(n);
        }
        return listResponse(req, "listItem", "listItems", items);
    }

    private SimResponse writeResult(SimRequest req, String countKey, ListItemWriter.Outcome o, boolean withIgnored) {
        ObjectNode root = Json.success(ApiSupport.schema(req, req.param("m"), "listItemResult"));
        root.put(countKey, o.done);
        if (withIgnored) {
            root.put("ignored", o.ignored);
            root.put("total", o.total);
        }
        Json.putList(root, "failures", o.failures, true);
        return SimResponse.json(200, root);
    }

    private SimResponse listItemsPost(SimRequest req) {
        SimList l = listOf(data(req), req);
        String action = req.query("action");
        if ("add".equals(action)) {
            return writeResult(req, "added", ListItemWriter.add(l, ListItemWriter.items(req.body())), true);
        }
        if ("delete".equals(action)) {
            return writeResult(req, "deleted", ListItemWriter.delete(l, ListItemWriter.items(req.body())), true);
        }
        throw ApiException.badRequest("The action query parameter must be add or delete");
    }

    private SimResponse listItemsUpdate(SimRequest req) {
        SimList l = listOf(data(req), req);
        return writeResult(req, "updated", ListItemWriter.update(l, ListItemWriter.items(req.body())), true);
    }

    private SimResponse resetIndex(SimRequest req) {
        SimList l = listOf(data(req), req);
        synchronized (l) {
            if (!l.items.isEmpty()) {
                throw ApiException.badRequest("We can't reset the list item index of a list that contains data. "
                        + "Remove all items from the list and try again.");
            }
            l.nextItemIndex = 0;
        }
        return SimResponse.empty(200);
    }

    // ---------------------------------------------------------------- cells

    private SimResponse writeCells(SimRequest req) {
        TransactionalData d = data(req);
        SimModule m = module(d, req.param("mod"));
        JsonNode body = req.body().length == 0 ? null : Json.parse(req.body());
        if (body == null || !body.isArray()) {
            throw ApiException.badRequest("The request body must be a JSON array of cells");
        }
        if (body.size() > api.options.maxCellsPerWrite()) {
            throw ApiException.badRequest("At most " + api.options.maxCellsPerWrite() + " cells can be written in one request");
        }
        int changed = 0;
        List<ObjectNode> failures = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            String err = writeCell(d, m, body.get(i));
            if (err == null) {
                changed++;
            } else {
                ObjectNode f = Json.object();
                f.put("requestIndex", i);
                f.put("failureType", err.substring(0, err.indexOf(':')));
                f.put("failureMessageDetails", err.substring(err.indexOf(':') + 1).trim());
                failures.add(f);
            }
        }
        ObjectNode root = Json.success(ApiSupport.schema(req, req.param("m"), "cellWriteResult"));
        root.put("numberOfCellsChanged", changed);
        Json.putList(root, "failures", failures, true);
        return SimResponse.json(200, root);
    }

    private String writeCell(TransactionalData d, SimModule m, JsonNode cell) {
        String liRef = cell.hasNonNull("lineItemId") ? cell.get("lineItemId").asText() : cell.path("lineItemName").asText("");
        SimModule.LineItem li = m.lineItem(liRef);
        if (li == null) {
            return "INVALID_LINE_ITEM: line item not found: " + liRef;
        }
        String[] chosen = new String[m.dimensionIds.size()];
        for (JsonNode dim : cell.path("dimensions")) {
            String dimRef = dim.hasNonNull("dimensionId") ? dim.get("dimensionId").asText() : dim.path("dimensionName").asText("");
            int idx = -1;
            for (int k = 0; k < m.dimensionIds.size(); k++) {
                String id = m.dimensionIds.get(k);
                if (id.equals(dimRef) || d.dimensionName(id).equalsIgnoreCase(dimRef)) {
                    idx = k;
                }
            }
            if (idx < 0) {
                return "INVALID_DIMENSION: dimension not found: " + dimRef;
            }
            String found = null;
            for (TransactionalData.DimItem it : d.dimensionItems(m.dimensionIds.get(idx))) {
                if ((dim.hasNonNull("itemId") && it.id.equals(dim.get("itemId").asText()))
                        || (dim.hasNonNull("itemName") && it.name.equalsIgnoreCase(dim.get("itemName").asText()))
                        || (dim.hasNonNull("itemCode") && !it.code.isEmpty() && it.code.equalsIgnoreCase(dim.get("itemCode").asText()))) {
                    found = it.id;
                }
            }
            if (found == null) {
                return "INVALID_ITEM: item not found in dimension " + dimRef;
            }
            chosen[idx] = found;
        }
        for (String c : chosen) {
            if (c == null) {
                return "AGGREGATE_CELL: aggregate cells are not writable; give an item for every dimension";
            }
        }
        JsonNode value = cell.get("value");
        if (value == null || value.isNull()) {
            return "INVALID_VALUE: value is missing";
        }
        String v = value.asText();
        if ("NUMBER".equals(li.format)) {
            try {
                Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return "INCORRECT_FORMAT: not a number: " + v;
            }
        } else if ("BOOLEAN".equals(li.format) && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            return "INCORRECT_FORMAT: not a boolean: " + v;
        }
        d.cells.put(TransactionalData.cellKey(m, li.id, List.of(chosen)), v);
        return null;
    }

    // ---------------------------------------------------------------- calendar, versions, dimensions

    private ObjectNode period(TransactionalData d) {
        LocalDate end = d.currentPeriodEnd;
        ObjectNode p = Json.object();
        p.put("periodText", end == null ? "" : TransactionalData.periodText(end.getYear(), end.getMonthValue()));
        p.put("lastDay", end == null ? "" : end.toString());
        return p;
    }

    private SimResponse currentPeriod(SimRequest req) {
        TransactionalData d = data(req);
        ObjectNode p = period(d);
        p.put("calendarType", d.calendarType);
        return envelope(req, "currentPeriod", "currentPeriod", p);
    }

    private SimResponse setCurrentPeriod(SimRequest req) {
        TransactionalData d = data(req);
        String fromQuery = req.query("date");
        String fromBody = null;
        if (req.body().length > 0) {
            JsonNode b = Json.parse(req.body());
            if (b != null && b.has("date")) {
                fromBody = b.get("date").asText();
            }
        }
        if (fromQuery != null && fromBody != null) {
            throw ApiException.badRequest("use query parameter or body to set date, not both");
        }
        String date = fromQuery != null ? fromQuery : fromBody;
        if (date == null || date.isBlank()) {
            d.currentPeriodEnd = null;
        } else {
            LocalDate ld;
            try {
                ld = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("Invalid ISO date format '" + date + "'. Date should match format YYYY-MM-DD");
            }
            if (ld.isBefore(d.timescaleStart()) || ld.isAfter(d.timescaleEnd())) {
                throw ApiException.badRequest("Specified date '" + date + "' is out of timescale range " + d.timescaleStart() + " - " + d.timescaleEnd());
            }
            d.currentPeriodEnd = ld.withDayOfMonth(ld.lengthOfMonth());
        }
        return currentPeriod(req);
    }

    private ObjectNode fiscalYear(TransactionalData d) {
        ObjectNode fy = Json.object();
        fy.put("year", "FY" + String.format("%02d", d.fiscalYearStart % 100));
        fy.put("startDate", LocalDate.of(d.fiscalYearStart, 1, 1).toString());
        fy.put("endDate", LocalDate.of(d.fiscalYearStart, 12, 31).toString());
        return fy;
    }

    private SimResponse modelCalendar(SimRequest req) {
        TransactionalData d = data(req);
        ObjectNode c = Json.object();
        c.put("calendarType", d.calendarType);
        c.set("currentPeriod", period(d));
        c.set("fiscalYear", fiscalYear(d));
        c.put("pastYearsCount", 1);
        c.put("futureYearsCount", 1);
        c.put("startDate", d.timescaleStart().toString());
        c.put("weeksCount", 52);
        c.put("extraWeekMonth", 0);
        c.put("weekFormat", "");
        c.put("weekGrouping", "");
        ObjectNode totals = c.putObject("totalsSelection");
        boolean sdk = api.options.totalsSelectionSdkKeys();
        totals.put(sdk ? "quarterTotals" : "isQuarterTotals", true);
        totals.put(sdk ? "halfYearTotals" : "isHalfYearTotals", false);
        totals.put(sdk ? "yearToDateSummary" : "isYearToDateSummary", true);
        totals.put(sdk ? "yearToGoSummary" : "isYearToGoSummary", false);
        totals.put(sdk ? "totalOfAllPeriods" : "isTotalOfAllPeriods", false);
        totals.put("extraMonthQuarter", 0);
        return envelope(req, "modelCalendar", "modelCalendar", c);
    }

    private SimResponse setFiscalYear(SimRequest req) {
        TransactionalData d = data(req);
        ObjectNode body = Json.parseObject(req.body(), "fiscal year");
        String year = body.path("year").asText("");
        if (!year.matches("FY\\d{2}")) {
            throw ApiException.badRequest("Invalid fiscal year '" + year + "'");
        }
        d.fiscalYearStart = 2000 + Integer.parseInt(year.substring(2));
        ObjectNode cal = Json.object();
        cal.set("fiscalYear", fiscalYear(d));
        return envelope(req, "modelCalendar", "modelCalendar", cal);
    }

    private ObjectNode versionJson(TransactionalData.Version v) {
        ObjectNode n = Json.object();
        n.put("id", v.id);
        n.put("name", v.name);
        n.put("isCurrent", v.current);
        n.put("isActual", v.actual);
        n.putObject("editFrom").put("periodText", "Start of Timescale").putNull("date");
        n.putObject("editTo").put("periodText", "End of Timescale").putNull("date");
        if (v.switchover != null) {
            n.putObject("switchover").put("periodText", v.switchover).put("date", v.switchover);
        }
        n.put("formula", "");
        n.put("notes", "");
        n.put("code", "");
        return n;
    }

    private SimResponse versions(SimRequest req) {
        TransactionalData d = data(req);
        List<ObjectNode> items = new ArrayList<>();
        d.versions.forEach(v -> items.add(versionJson(v)));
        return listResponse(req, "versionMetadata", "versionMetadata", items);
    }

    private SimResponse switchover(SimRequest req) {
        TransactionalData d = data(req);
        TransactionalData.Version v = null;
        for (TransactionalData.Version x : d.versions) {
            if (x.id.equals(req.param("ver"))) {
                v = x;
            }
        }
        if (v == null) {
            throw ApiException.notFound();
        }
        ObjectNode body = Json.parseObject(req.body(), "switchover");
        String date = body.path("date").asText("");
        ObjectNode out = Json.object();
        if (date.isBlank()) {
            v.switchover = null;
            out.put("periodText", "");
            out.put("date", "");
        } else {
            LocalDate ld;
            try {
                ld = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("Invalid ISO date format '" + date + "'. Date should match format YYYY-MM-DD");
            }
            v.switchover = ld.toString();
            out.put("periodText", TransactionalData.periodText(ld.getYear(), ld.getMonthValue()));
            out.put("date", ld.toString());
        }
        out.put("calendarType", d.calendarType);
        return envelope(req, "versionSwitchover", "versionSwitchover", out);
    }

    private SimResponse dimensionItems(SimRequest req) {
        return itemsResponse(req, data(req).dimensionItems(req.param("d")));
    }

    private SimResponse dimensionItemsLookup(SimRequest req) {
        TransactionalData d = data(req);
        List<TransactionalData.DimItem> items = d.dimensionItems(req.param("d"));
        if (items == null) {
            throw ApiException.notFound();
        }
        if (req.body().length == 0) {
            throw ApiException.badRequest("The request body must contain names or codes");
        }
        ObjectNode body = Json.parseObject(req.body(), "dimension items");
        JsonNode names = body.path("names");
        JsonNode codes = body.path("codes");
        if (names.isEmpty() && codes.isEmpty()) {
            throw ApiException.badRequest("The request body must contain names or codes");
        }
        if (!codes.isEmpty() && items.stream().allMatch(i -> i.code.isEmpty())) {
            SimList l = d.list(req.param("d"));
            if (l == null || !l.hasCodes || !l.items.isEmpty()) {
                throw ApiException.badRequest("The dimension does not have codes");
            }
        }
        List<TransactionalData.DimItem> found = new ArrayList<>();
        for (TransactionalData.DimItem it : items) {
            boolean match = false;
            for (JsonNode n : names) {
                match |= it.name.equalsIgnoreCase(n.asText());
            }
            for (JsonNode c : codes) {
                match |= !it.code.isEmpty() && it.code.equalsIgnoreCase(c.asText());
            }
            if (match) {
                found.add(it);
            }
        }
        return itemsResponse(req, found);
    }
}
