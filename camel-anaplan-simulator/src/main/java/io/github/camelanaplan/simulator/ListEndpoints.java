package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** §6.4: lists, list metadata, list items (JSON/CSV), item add / update / delete and resetIndex. */
final class ListEndpoints extends TransactionalSupport {

    ListEndpoints(ApiSupport api) {
        super(api);
    }

    @Override
    void register(Router r) {
        r.model("GET", "/lists", this::lists);
        r.model("GET", "/lists/{l}", this::listMetadata);
        r.model("GET", "/lists/{l}/items", this::listItems);
        r.model("POST", "/lists/{l}/items", this::listItemsPost);
        r.model("PUT", "/lists/{l}/items", this::listItemsUpdate);
        r.model("POST", "/lists/{l}/resetIndex", this::resetIndex);
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
}
