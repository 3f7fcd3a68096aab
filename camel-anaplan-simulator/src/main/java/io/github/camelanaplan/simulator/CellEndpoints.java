package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** §6.5: cell writes. */
final class CellEndpoints extends TransactionalSupport {

    CellEndpoints(ApiSupport api) {
        super(api);
    }

    @Override
    void register(Router r) {
        r.model("POST", "/modules/{mod}/data", this::writeCells);
    }

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
}
