package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** §6.1–6.2: modules, line items, views, view metadata, view data and dimension items of views. */
final class ModuleViewEndpoints extends TransactionalSupport {

    ModuleViewEndpoints(ApiSupport api) {
        super(api);
    }

    @Override
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
    }

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
        int maxRows = ApiSupport.intQuery(req, "maxRows", Integer.MAX_VALUE);
        if (json) {
            return SimResponse.json(200, r.gridJson(v, pages, maxRows));
        }
        return SimResponse.text(200, "text/csv;charset=UTF-8", r.gridCsv(v, pages, maxRows));
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
}
