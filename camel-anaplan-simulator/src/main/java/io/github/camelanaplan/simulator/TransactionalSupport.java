package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Shared helpers of the transactional API endpoint groups (§6). */
abstract class TransactionalSupport {

    final ApiSupport api;

    TransactionalSupport(ApiSupport api) {
        this.api = api;
    }

    /** Registers this group's routes. */
    abstract void register(Router r);

    TransactionalData data(SimRequest req) {
        return api.model(req).transactional;
    }

    static boolean wantsCsv(SimRequest req) {
        String accept = req.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }

    SimResponse envelope(SimRequest req, String schema, String key, JsonNode value) {
        ObjectNode root = Json.success(ApiSupport.schema(req, req.param("m"), schema));
        root.set(key, value);
        return SimResponse.json(200, root);
    }

    SimResponse listResponse(SimRequest req, String schema, String key, List<ObjectNode> items) {
        ObjectNode root = Json.success(ApiSupport.schema(req, req.param("m"), schema));
        Json.putList(root, key, items, api.omitEmpty());
        return SimResponse.json(200, root);
    }

    static ObjectNode idName(String id, String name) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("name", name);
        return n;
    }

    SimModule module(TransactionalData d, String id) {
        SimModule m = d.module(id);
        if (m == null) {
            throw ApiException.notFound();
        }
        return m;
    }

    SimView view(TransactionalData d, SimRequest req) {
        SimView v = d.view(req.param("v"));
        if (v == null) {
            throw ApiException.notFound();
        }
        return v;
    }

    SimResponse itemsResponse(SimRequest req, List<TransactionalData.DimItem> items) {
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

    SimList listOf(TransactionalData d, SimRequest req) {
        SimList l = d.list(req.param("l"));
        if (l == null) {
            throw ApiException.notFound();
        }
        return l;
    }
}
