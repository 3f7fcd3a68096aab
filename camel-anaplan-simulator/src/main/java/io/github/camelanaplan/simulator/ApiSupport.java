package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Shared helpers of the Integration API endpoints: model lookup with 404 masking, schemas, paging. */
final class ApiSupport {

    final SimTenant tenant;
    final SimulatorOptions options;
    final StrictMode strict;

    ApiSupport(SimTenant tenant, SimulatorOptions options, StrictMode strict) {
        this.tenant = tenant;
        this.options = options;
        this.strict = strict;
    }

    boolean omitEmpty() {
        return options.omitEmptyCollections();
    }

    /** The model of the path (workspace form checks membership); unknown → 404. */
    SimModel model(SimRequest req) {
        SimModel m = tenant.findModel(req.param("m"));
        if (m == null) {
            throw ApiException.notFound();
        }
        String ws = optParam(req, "ws");
        if (ws != null && !ws.equals(m.workspaceId())) {
            throw ApiException.notFound();
        }
        return m;
    }

    static String optParam(SimRequest req, String name) {
        try {
            return req.param(name);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    static String schema(SimRequest req, String modelId, String object) {
        return "https://api.anaplan.com/2/0/" + (modelId == null ? "" : "models/" + modelId + "/") + "objects/" + object;
    }

    static int intQuery(SimRequest req, String name, int dflt) {
        String v = req.query(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid value for " + name + ": " + v);
        }
    }

    /** A paged list response: {@code meta.paging} plus the page of items under {@code key}. */
    SimResponse page(SimRequest req, String schema, String key, List<ObjectNode> items) {
        ObjectNode root = Json.success(schema);
        ObjectNode meta = (ObjectNode) root.get("meta");
        ObjectNode paging = Json.object();
        int offset = Math.max(0, intQuery(req, "offset", 0));
        int limit = intQuery(req, "limit", options.maxPageSize());
        if (limit <= 0 || limit > options.maxPageSize()) {
            limit = options.maxPageSize();
        }
        int total = items.size();
        int from = Math.min(offset, total);
        int to = Math.min(total, from + limit);
        List<ObjectNode> pageItems = items.subList(from, to);
        paging.put("currentPageSize", pageItems.size());
        paging.put("totalSize", total);
        paging.put("offset", offset);
        String base = req.baseUrl() + req.path() + "?limit=" + limit + "&offset=";
        if (to < total) {
            paging.put("next", base + to);
        }
        if (offset > 0) {
            paging.put("previous", base + Math.max(0, offset - limit));
        }
        // paging first, schema after, like the live API
        ObjectNode newMeta = Json.object();
        newMeta.set("paging", paging);
        newMeta.set("schema", meta.get("schema"));
        root.set("meta", newMeta);
        Json.putList(root, key, pageItems, omitEmpty());
        return SimResponse.json(200, root);
    }
}
