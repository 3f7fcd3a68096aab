package io.github.camelanaplan.client.transactional;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.http.ApiCall;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.RequestKind;
import io.github.camelanaplan.client.http.ResponseReader;
import io.github.camelanaplan.client.task.TaskOptions;
import io.github.camelanaplan.client.http.RetryingCaller;

/**
 * The transactional API (anaplan-api §6) of one model: modules, line items, views and their cells, lists and list
 * items, cell writes, calendar and versions, and large-volume read requests.
 * <p>
 * Writes larger than one call allows are split into calls of {@code batchSize} items; the results are summed and each
 * failure keeps the index of its item in the original body.
 */
public final class TransactionalClient {

    private final AnaplanClient client;
    private final RetryingCaller transport;
    private final String workspaceId;
    private final String modelId;
    private final String modelUrl;
    private final String workspaceModelUrl;

    public TransactionalClient(AnaplanClient client, String workspaceId, String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId is required");
        }
        this.client = client;
        this.transport = client.caller();
        this.workspaceId = workspaceId;
        this.modelId = modelId;
        this.modelUrl = client.settings().apiUrl() + "/models/" + modelId;
        this.workspaceModelUrl = workspaceId == null ? modelUrl
                : client.settings().apiUrl() + "/workspaces/" + workspaceId + "/models/" + modelId;
    }

    public String modelId() {
        return modelId;
    }

    // ------------------------------------------------------------------ modules, line items, views

    public List<Module> modules() {
        return all(modelUrl + "/modules", "modules", "list modules", Module.class);
    }

    /** Line items of the model, or of one module when moduleId is set. */
    public List<LineItem> lineItems(String moduleId, boolean includeAll) {
        String url = (moduleId == null ? modelUrl : modelUrl + "/modules/" + moduleId) + "/lineItems"
                     + (includeAll ? "?includeAll=true" : "");
        return Json.list(get("list line items", url), "items", LineItem.class);
    }

    /** Views of the model (with subsidiary views), or of one module when moduleId is set. */
    public List<View> views(String moduleId) {
        String url = moduleId == null ? modelUrl + "/views?includesubsidiaryviews=true"
                : modelUrl + "/modules/" + moduleId + "/views";
        return Json.list(get("list views", url), "views", View.class);
    }

    /**
     * The cells of a view as CSV ({@code text/csv}).
     *
     * @param pages      page selectors {@code dimensionId:itemId,…}, or null
     * @param exportType GRID_CURRENT_PAGE, GRID_ALL_PAGES, TABULAR_SINGLE_COLUMN, TABULAR_MULTI_COLUMN, or null
     * @param maxRows    at most this many rows, or null
     * @param moduleId   the view's module; needed by tabular export types (looked up when null)
     */
    public InputStream viewDataCsv(String viewId, String pages, String exportType, Integer maxRows, String moduleId) {
        String url = viewDataUrl(viewId, pages, exportType, maxRows, moduleId, false);
        byte[] csv = transport.execute(ApiCall.get("read view " + viewId, url).withHeader("Accept", "text/csv"), bytes());
        return new ByteArrayInputStream(csv);
    }

    /** The cells of a view as JSON rows ({@code format=v1}). */
    public ViewData viewData(String viewId, String pages, String exportType, Integer maxRows, String moduleId) {
        String url = viewDataUrl(viewId, pages, exportType, maxRows, moduleId, true);
        return Json.convert(get("read view " + viewId, url), ViewData.class);
    }

    private String viewDataUrl(String viewId, String pages, String exportType, Integer maxRows, String moduleId,
                               boolean json) {
        StringJoiner query = new StringJoiner("&");
        if (json) {
            query.add("format=v1");
        }
        if (pages != null && !pages.isBlank()) {
            query.add("pages=" + encode(pages));
        }
        if (exportType != null && !exportType.isBlank()) {
            query.add("exportType=" + encode(exportType));
            if (exportType.startsWith("TABULAR")) {
                query.add("moduleId=" + encode(moduleId != null ? moduleId : moduleOfView(viewId)));
            }
        }
        if (maxRows != null) {
            query.add("maxRows=" + maxRows);
        }
        String q = query.toString();
        return modelUrl + "/views/" + viewId + "/data" + (q.isEmpty() ? "" : "?" + q);
    }

    private String moduleOfView(String viewId) {
        for (View view : views(null)) {
            if (viewId.equals(view.id()) && view.moduleId() != null) {
                return view.moduleId();
            }
        }
        // a module's default view has the module's id
        return viewId;
    }

    // ------------------------------------------------------------------ lists

    public List<AnaplanList> lists() {
        return all(workspaceModelUrl + "/lists", "lists", "list lists", AnaplanList.class);
    }

    public List<ListItem> listItems(String listId, boolean includeAll) {
        String url = workspaceModelUrl + "/lists/" + listId + "/items" + (includeAll ? "?includeAll=true" : "");
        return Json.list(get("list items of list " + listId, url), "listItems", ListItem.class);
    }

    /** The items of a list as CSV ({@code id,name,code,parent,parentId,listId,listName}). */
    public InputStream listItemsCsv(String listId) {
        String url = workspaceModelUrl + "/lists/" + listId + "/items";
        byte[] csv = transport.execute(ApiCall.get("list items of list " + listId, url).withHeader("Accept", "text/csv"),
                bytes());
        return new ByteArrayInputStream(csv);
    }

    /**
     * Adds items ({@code Map}s, {@link ListItemInput}s or any bean with the wire field names), in calls of at most
     * batchSize items.
     */
    public ListItemsResult addListItems(String listId, List<?> items, int batchSize) {
        return writeListItems(listId, "add", Indexed.of(items), batchSize);
    }

    /** Updates items identified by exactly one of id, code or name. */
    public ListItemsResult updateListItems(String listId, List<?> items, int batchSize) {
        return writeListItems(listId, "update", Indexed.of(items), batchSize);
    }

    public ListItemsResult deleteListItems(String listId, List<?> items, int batchSize) {
        return writeListItems(listId, "delete", Indexed.of(items), batchSize);
    }

    /**
     * Updates the items that exist (matched by id, else code, else name) and adds the others; one result with the
     * updated and added counts, failures indexed into the original body.
     */
    public ListItemsResult upsertListItems(String listId, List<?> items, int batchSize) {
        List<Indexed> all = Indexed.of(items);
        Map<String, String> byId = new HashMap<>();
        Map<String, String> byCode = new HashMap<>();
        Map<String, String> byName = new HashMap<>();
        for (ListItem existing : listItems(listId, false)) {
            byId.put(existing.id(), existing.id());
            if (existing.code() != null && !existing.code().isEmpty()) {
                byCode.put(existing.code(), existing.id());
            }
            if (existing.name() != null) {
                byName.put(existing.name(), existing.id());
            }
        }
        List<Indexed> updates = new ArrayList<>();
        List<Indexed> adds = new ArrayList<>();
        for (Indexed item : all) {
            ObjectNode node = item.node();
            String id = text(node, "id");
            String code = text(node, "code");
            String name = text(node, "name");
            if (id != null && byId.containsKey(id)) {
                updates.add(item.identifiedBy("id"));
            } else if (id == null && code != null && byCode.containsKey(code)) {
                updates.add(item.identifiedBy("code"));
            } else if (id == null && code == null && name != null && byName.containsKey(name)) {
                updates.add(item.identifiedBy("name"));
            } else {
                adds.add(item);
            }
        }
        ListItemsResult result = ListItemsResult.EMPTY;
        if (!updates.isEmpty()) {
            result = result.plus(writeListItems(listId, "update", updates, batchSize));
        }
        if (!adds.isEmpty()) {
            result = result.plus(writeListItems(listId, "add", adds, batchSize));
        }
        return result;
    }

    /** Resets the item index of an empty list. */
    public void resetListIndex(String listId) {
        transport.execute(new ApiCall("reset index of list " + listId, "POST",
                workspaceModelUrl + "/lists/" + listId + "/resetIndex", Map.of("Accept", "application/json"), null,
                RequestKind.IDEMPOTENT, true), Json.discard());
    }

    private ListItemsResult writeListItems(String listId, String action, List<Indexed> items, int batchSize) {
        String base = workspaceModelUrl + "/lists/" + listId + "/items";
        String method = action.equals("update") ? "PUT" : "POST";
        String url = action.equals("update") ? base : base + "?action=" + action;
        // an add or delete sent twice adds duplicates or reports missing items: only retried when surely not sent
        RequestKind kind = action.equals("update") ? RequestKind.IDEMPOTENT : RequestKind.NON_IDEMPOTENT;
        return inBatches(items, batchSize, (batch, number) -> {
            ObjectNode body = Json.MAPPER.createObjectNode();
            ArrayNode array = body.putArray("items");
            batch.forEach(i -> array.add(i.node()));
            byte[] bytes = write(body);
            String step = action + " list items of list " + listId + batchLabel(number, items.size(), batchSize);
            JsonNode answer = transport.execute(new ApiCall(step, method, url, Map.of("Accept", "application/json"),
                    () -> new org.apache.hc.core5.http.io.entity.ByteArrayEntity(bytes,
                            org.apache.hc.core5.http.ContentType.APPLICATION_JSON), kind, true), Json.tree());
            return new ListItemsResult(answer.path("added").asLong(), answer.path("updated").asLong(),
                    answer.path("deleted").asLong(), answer.path("ignored").asLong(),
                    answer.path("total").asLong(batch.size()), failures(answer, batch));
        }, ListItemsResult.EMPTY, ListItemsResult::plus);
    }

    // ------------------------------------------------------------------ cells

    /**
     * Writes cells of a module ({@code Map}s with lineItemId/lineItemName, dimensions, value; or {@link CellWrite}s),
     * in calls of at most batchSize cells.
     */
    public CellWriteResult writeCells(String moduleId, List<?> cells, int batchSize) {
        List<Indexed> all = Indexed.of(cells);
        String url = modelUrl + "/modules/" + moduleId + "/data";
        return inBatches(all, batchSize, (batch, number) -> {
            ArrayNode body = Json.MAPPER.createArrayNode();
            batch.forEach(i -> body.add(i.node()));
            byte[] bytes = write(body);
            String step = "write cells of module " + moduleId + batchLabel(number, all.size(), batchSize);
            JsonNode answer = transport.execute(new ApiCall(step, "POST", url, Map.of("Accept", "application/json"),
                    () -> new org.apache.hc.core5.http.io.entity.ByteArrayEntity(bytes,
                            org.apache.hc.core5.http.ContentType.APPLICATION_JSON), RequestKind.IDEMPOTENT, true),
                    Json.tree());
            return new CellWriteResult(answer.path("numberOfCellsChanged").asLong(), failures(answer, batch));
        }, CellWriteResult.EMPTY, CellWriteResult::plus);
    }

    private static <R> R inBatches(List<Indexed> items, int batchSize, BiFunction<List<Indexed>, Integer, R> call,
                                   R empty, java.util.function.BinaryOperator<R> sum) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be 1 or more, was " + batchSize);
        }
        R result = empty;
        for (int from = 0, number = 1; from < items.size(); from += batchSize, number++) {
            result = sum.apply(result, call.apply(items.subList(from, Math.min(items.size(), from + batchSize)), number));
        }
        return result;
    }

    private static String batchLabel(int number, int size, int batchSize) {
        int batches = (size + batchSize - 1) / batchSize;
        return batches <= 1 ? "" : " (call " + number + " of " + batches + ")";
    }

    /** The failures of one call, their requestIndex mapped back to the position in the original body. */
    private static List<WriteFailure> failures(JsonNode answer, List<Indexed> batch) {
        List<WriteFailure> out = new ArrayList<>();
        for (WriteFailure f : Json.list(answer, "failures", WriteFailure.class)) {
            int index = f.requestIndex();
            out.add(index >= 0 && index < batch.size() ? f.atIndex(batch.get(index).index()) : f);
        }
        return out;
    }

    // ------------------------------------------------------------------ dimensions, calendar, versions

    /** All items of a dimension (list, list subset, line-item subset, users, time, versions). */
    public List<DimensionItem> dimensionItems(String dimensionId) {
        return Json.list(get("items of dimension " + dimensionId, modelUrl + "/dimensions/" + dimensionId + "/items"),
                "items", DimensionItem.class);
    }

    /** The items of a dimension as a view shows them (its filters and selective access applied). */
    public List<DimensionItem> viewDimensionItems(String viewId, String dimensionId) {
        return Json.list(get("items of dimension " + dimensionId + " in view " + viewId,
                modelUrl + "/views/" + viewId + "/dimensions/" + dimensionId + "/items"), "items", DimensionItem.class);
    }

    public ModelCalendar modelCalendar() {
        return Json.convert(get("model calendar", modelUrl + "/modelCalendar").path("modelCalendar"),
                ModelCalendar.class);
    }

    public CurrentPeriod currentPeriod() {
        return Json.convert(get("current period", modelUrl + "/currentPeriod").path("currentPeriod"),
                CurrentPeriod.class);
    }

    /** Sets the current period to the period holding date (YYYY-MM-DD); a blank date resets it. */
    public CurrentPeriod setCurrentPeriod(String date) {
        Map<String, String> body = Map.of("date", date == null ? "" : date);
        JsonNode answer = transport.execute(jsonCall("set current period", "PUT", modelUrl + "/currentPeriod", body,
                RequestKind.IDEMPOTENT), readTreeOrEmpty());
        CurrentPeriod period = Json.convert(answer.path("currentPeriod"), CurrentPeriod.class);
        return period != null ? period : currentPeriod();
    }

    /** Sets the fiscal year (e.g. FY26) and returns it with its dates. */
    public FiscalYear setFiscalYear(String year) {
        JsonNode answer = transport.execute(jsonCall("set fiscal year", "PUT", modelUrl + "/modelCalendar/fiscalYear",
                Map.of("year", year), RequestKind.IDEMPOTENT), readTreeOrEmpty());
        FiscalYear fiscalYear = Json.convert(answer.path("modelCalendar").path("fiscalYear"), FiscalYear.class);
        return fiscalYear != null ? fiscalYear : modelCalendar().fiscalYear();
    }

    public List<Version> versions() {
        return Json.list(get("list versions", modelUrl + "/versions"), "versionMetadata", Version.class);
    }

    // ------------------------------------------------------------------ read requests

    /** Starts a large-volume read of a view; read its pages, then close it (which deletes the request). */
    public ReadRequest startViewRead(String viewId, String exportType, TaskOptions options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("exportType", exportType == null || exportType.isBlank() ? "TABULAR_MULTI_COLUMN" : exportType);
        return ReadRequest.start(client, workspaceModelUrl + "/views/" + viewId + "/readRequests", "view " + viewId,
                "viewReadRequest", body, options);
    }

    /** Starts a large-volume read of a list (Workspace Administrators only). */
    public ReadRequest startListRead(String listId, TaskOptions options) {
        return ReadRequest.start(client, workspaceModelUrl + "/lists/" + listId + "/readRequests", "list " + listId,
                "listReadRequest", Map.of(), options);
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode get(String step, String url) {
        return transport.execute(ApiCall.get(step, url), Json.tree());
    }

    private <T> List<T> all(String url, String key, String step, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (JsonNode node : client.listAll(url, key, step)) {
            out.add(Json.convert(node, type));
        }
        return out;
    }

    static ApiCall jsonCall(String step, String method, String url, Object body, RequestKind kind) {
        byte[] bytes = write(body);
        return new ApiCall(step, method, url, Map.of("Accept", "application/json"),
                () -> new org.apache.hc.core5.http.io.entity.ByteArrayEntity(bytes,
                        org.apache.hc.core5.http.ContentType.APPLICATION_JSON), kind, true);
    }

    static byte[] write(Object body) {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AnaplanException("Cannot write JSON body: " + e.getOriginalMessage(), e);
        }
    }

    static ResponseReader<byte[]> bytes() {
        return (status, contentType, body) -> body.readAllBytes();
    }

    static ResponseReader<JsonNode> readTreeOrEmpty() {
        return (status, contentType, body) -> {
            byte[] bytes = body.readAllBytes();
            return bytes.length == 0 ? Json.MAPPER.createObjectNode() : Json.parse(new ByteArrayInputStream(bytes));
        };
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An item of the body with its position in the original body. */
    record Indexed(int index, ObjectNode node) {

        static List<Indexed> of(List<?> items) {
            if (items == null) {
                throw new IllegalArgumentException("the body must be a List of items, was null");
            }
            List<Indexed> out = new ArrayList<>(items.size());
            int i = 0;
            for (Object item : items) {
                out.add(new Indexed(i, toNode(item, i)));
                i++;
            }
            return out;
        }

        private static ObjectNode toNode(Object item, int index) {
            JsonNode node = item instanceof JsonNode ? (JsonNode) item : Json.MAPPER.valueToTree(item);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("item " + index + " of the body is not an object (Map or bean): "
                                                   + (item == null ? "null" : item.getClass().getName()));
            }
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            // null fields are "not set": Anaplan tells items apart by which identifier fields are present
            List<String> nulls = new ArrayList<>();
            copy.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                }
            });
            copy.remove(nulls);
            return copy;
        }

        /** For an update: keep only the identifier that matched (Anaplan wants exactly one). */
        Indexed identifiedBy(String field) {
            ObjectNode copy = node.deepCopy();
            for (String other : List.of("id", "code", "name")) {
                if (!other.equals(field) && !(other.equals("name") && !field.equals("name"))) {
                    copy.remove(other);
                }
            }
            return new Indexed(index, copy);
        }
    }
}
