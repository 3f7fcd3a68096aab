package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Semantics of list item add / update / delete (§6.4), with per-item failures carrying requestIndex. */
final class ListItemWriter {

    static final int MAX_ITEMS = 100_000;

    /** Counts and failures of one call. */
    static final class Outcome {
        int done;
        int ignored;
        int total;
        final List<ObjectNode> failures = new ArrayList<>();

        void fail(int index, String type, String details) {
            ignored++;
            ObjectNode f = Json.object();
            f.put("requestIndex", index);
            f.put("failureType", type);
            f.put("failureMessageDetails", details);
            failures.add(f);
        }
    }

    private ListItemWriter() {
    }

    static List<JsonNode> items(byte[] body) {
        ObjectNode root = Json.parseObject(body, "list items");
        JsonNode items = root.get("items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw ApiException.badRequest("The request body must contain a non-empty 'items' array");
        }
        if (items.size() > MAX_ITEMS) {
            throw ApiException.badRequest("At most " + MAX_ITEMS + " items can be written in one call");
        }
        List<JsonNode> out = new ArrayList<>();
        items.forEach(out::add);
        return out;
    }

    static Outcome add(SimList l, List<JsonNode> items) {
        Outcome o = new Outcome();
        synchronized (l) {
            for (int i = 0; i < items.size(); i++) {
                JsonNode it = items.get(i);
                o.total++;
                String name = it.path("name").asText("");
                String code = it.path("code").asText("");
                if (!l.numbered && name.isEmpty()) {
                    o.fail(i, "MISSING_NAME", "item name is missing");
                    continue;
                }
                if (!l.numbered && l.byName(name) != null) {
                    o.fail(i, "DUPLICATE_NAME", "an item named " + name + " already exists");
                    continue;
                }
                if (!code.isEmpty() && l.byCode(code) != null) {
                    o.fail(i, "DUPLICATE_CODE", "an item with code " + code + " already exists");
                    continue;
                }
                String err = validate(l, it);
                if (err != null) {
                    o.fail(i, err.startsWith("incorrect format") ? "INCORRECT_FORMAT" : "INVALID_VALUE", err);
                    continue;
                }
                SimList.Item created = l.add(l.numbered ? "" : name, code);
                apply(l, created, it);
                o.done++;
            }
        }
        return o;
    }

    static Outcome update(SimList l, List<JsonNode> items) {
        Outcome o = new Outcome();
        synchronized (l) {
            for (int i = 0; i < items.size(); i++) {
                JsonNode it = items.get(i);
                o.total++;
                SimList.Item target;
                try {
                    target = identify(l, it);
                } catch (IllegalArgumentException e) {
                    o.fail(i, "INVALID_IDENTIFIER", e.getMessage());
                    continue;
                }
                if (target == null) {
                    o.fail(i, "ITEM_NOT_FOUND", "no such item");
                    continue;
                }
                String err = validate(l, it);
                if (err != null) {
                    o.fail(i, err.startsWith("incorrect format") ? "INCORRECT_FORMAT" : "INVALID_VALUE", err);
                    continue;
                }
                if ((it.has("id") || it.has("code")) && it.hasNonNull("name")) {
                    target.name = it.get("name").asText();
                }
                apply(l, target, it);
                o.done++;
            }
        }
        return o;
    }

    static Outcome delete(SimList l, List<JsonNode> items) {
        Outcome o = new Outcome();
        synchronized (l) {
            for (int i = 0; i < items.size(); i++) {
                o.total++;
                SimList.Item target;
                try {
                    target = identify(l, items.get(i));
                } catch (IllegalArgumentException e) {
                    o.fail(i, "INVALID_IDENTIFIER", e.getMessage());
                    continue;
                }
                if (target == null) {
                    o.fail(i, "ITEM_NOT_FOUND", "no such item");
                    continue;
                }
                l.items.remove(target.id);
                o.done++;
            }
        }
        return o;
    }

    private static SimList.Item identify(SimList l, JsonNode it) {
        int n = (it.has("id") ? 1 : 0) + (it.has("code") ? 1 : 0) + (it.has("name") && !it.has("id") && !it.has("code") ? 1 : 0);
        if (it.has("id") && it.has("code")) {
            throw new IllegalArgumentException("identify the item by exactly one of id, code or name");
        }
        if (n == 0) {
            throw new IllegalArgumentException("identify the item by id, code or name");
        }
        if (it.has("id")) {
            return l.byId(it.get("id").asText());
        }
        if (it.has("code")) {
            return l.byCode(it.get("code").asText());
        }
        return l.byName(it.get("name").asText());
    }

    private static String validate(SimList l, JsonNode it) {
        JsonNode props = it.get("properties");
        if (props != null && props.isObject()) {
            for (Map.Entry<String, JsonNode> e : iterable(props)) {
                String format = l.properties.get(e.getKey());
                if (format == null) {
                    return "unknown property " + e.getKey();
                }
                String v = e.getValue().asText();
                if ("NUMBER".equals(format) && !v.isEmpty()) {
                    try {
                        Double.parseDouble(v);
                    } catch (NumberFormatException ex) {
                        return "incorrect format -- column name:" + e.getKey() + ", value:wrong value for number";
                    }
                }
                if ("BOOLEAN".equals(format) && !v.isEmpty() && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    return "incorrect format -- column name:" + e.getKey() + ", value:wrong value for boolean";
                }
            }
        }
        JsonNode subsets = it.get("subsets");
        if (subsets != null && subsets.isObject()) {
            for (Map.Entry<String, JsonNode> e : iterable(subsets)) {
                if (!l.subsets.contains(e.getKey())) {
                    return "unknown subset " + e.getKey();
                }
            }
        }
        String parent = it.path("parent").asText("");
        if (!parent.isEmpty() && l.byName(parent) == null && l.byCode(parent) == null) {
            return "unknown parent " + parent;
        }
        return null;
    }

    private static void apply(SimList l, SimList.Item item, JsonNode it) {
        if (it.hasNonNull("code") && !it.has("id")) {
            item.code = it.get("code").asText();
        }
        String parent = it.path("parent").asText("");
        if (!parent.isEmpty()) {
            SimList.Item p = l.byName(parent) != null ? l.byName(parent) : l.byCode(parent);
            item.parent = p.name;
            item.parentId = p.id;
        }
        JsonNode props = it.get("properties");
        if (props != null && props.isObject()) {
            for (Map.Entry<String, JsonNode> e : iterable(props)) {
                item.properties.put(e.getKey(), e.getValue().asText());
            }
        }
        JsonNode subsets = it.get("subsets");
        if (subsets != null && subsets.isObject()) {
            for (Map.Entry<String, JsonNode> e : iterable(subsets)) {
                item.subsets.put(e.getKey(), e.getValue().asBoolean());
            }
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        return n::fields;
    }
}
