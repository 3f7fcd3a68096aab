package io.github.camelanaplan.client.transactional;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.http.ApiPath;
import io.github.camelanaplan.client.http.ApiRequest;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.JsonAnswer;
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
    private final ApiPath modelUrl;
    private final ApiPath workspaceModelUrl;

    public TransactionalClient(AnaplanClient client, String workspaceId, String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId is required");
        }
        this.client = client;
        this.transport = client.caller();
        this.workspaceId = workspaceId;
        this.modelId = modelId;
        this.modelUrl = client.api().then("models", modelId);
        this.workspaceModelUrl = workspaceId == null ? modelUrl
                : client.api().then("workspaces", workspaceId, "models", modelId);
    }

    public String modelId() {
        return modelId;
    }

    // ------------------------------------------------------------------ modules, line items, views

    public List<Module> modules() {
        return all(modelUrl.then("modules"), "modules", "list modules", Module.class);
    }

    /** Line items of the model, or of one module when moduleId is set. */
    public List<LineItem> lineItems(String moduleId, boolean includeAll) {
        ApiPath url = (moduleId == null ? modelUrl : modelUrl.then("modules", moduleId)).then("lineItems");
        return get(ApiRequest.get(url).query("includeAll", includeAll ? "true" : null).step("list line items"))
                .list("items", LineItem.class);
    }

    /** Views of the model (with subsidiary views), or of one module when moduleId is set. */
    public List<View> views(String moduleId) {
        ApiRequest.Builder request = moduleId == null
                ? ApiRequest.get(modelUrl.then("views")).query("includesubsidiaryviews", "true")
                : ApiRequest.get(modelUrl.then("modules", moduleId, "views"));
        return get(request.step("list views")).list("views", View.class);
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
        ApiRequest request = viewData(viewId, pages, exportType, maxRows, moduleId, false).accept("text/csv")
                .step("read view " + viewId).build();
        byte[] csv = transport.execute(request, bytes());
        return new ByteArrayInputStream(csv);
    }

    /** The cells of a view as JSON rows ({@code format=v1}). */
    public ViewData viewData(String viewId, String pages, String exportType, Integer maxRows, String moduleId) {
        return get(viewData(viewId, pages, exportType, maxRows, moduleId, true).step("read view " + viewId))
                .read("", ViewData.class);
    }

    private ApiRequest.Builder viewData(String viewId, String pages, String exportType, Integer maxRows,
                                        String moduleId, boolean json) {
        ApiRequest.Builder request = ApiRequest.get(modelUrl.then("views", viewId, "data"))
                .query("format", json ? "v1" : null)
                .query("pages", pages != null && !pages.isBlank() ? pages : null);
        if (exportType != null && !exportType.isBlank()) {
            request.query("exportType", exportType);
            if (exportType.startsWith("TABULAR")) {
                request.query("moduleId", moduleId != null ? moduleId : moduleOfView(viewId));
            }
        }
        return request.query("maxRows", maxRows);
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
        return all(workspaceModelUrl.then("lists"), "lists", "list lists", AnaplanList.class);
    }

    public List<ListItem> listItems(String listId, boolean includeAll) {
        return get(ApiRequest.get(workspaceModelUrl.then("lists", listId, "items"))
                .query("includeAll", includeAll ? "true" : null).step("list items of list " + listId))
                .list("listItems", ListItem.class);
    }

    /** The items of a list as CSV ({@code id,name,code,parent,parentId,listId,listName}). */
    public InputStream listItemsCsv(String listId) {
        byte[] csv = transport.execute(ApiRequest.get(workspaceModelUrl.then("lists", listId, "items")).accept("text/csv")
                .step("list items of list " + listId).build(), bytes());
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
        transport.execute(ApiRequest.post(workspaceModelUrl.then("lists", listId, "resetIndex"))
                .kind(RequestKind.IDEMPOTENT).step("reset index of list " + listId).build(), Json.discard());
    }

    private ListItemsResult writeListItems(String listId, String action, List<Indexed> items, int batchSize) {
        ApiPath itemsPath = workspaceModelUrl.then("lists", listId, "items");
        boolean update = action.equals("update");
        // an add or delete sent twice adds duplicates or reports missing items: only retried when surely not sent
        RequestKind kind = action.equals("update") ? RequestKind.IDEMPOTENT : RequestKind.NON_IDEMPOTENT;
        return inBatches(items, batchSize, (batch, number) -> {
            ListItemsBody body = new ListItemsBody(batch.stream().map(Indexed::node).toList());
            String step = action + " list items of list " + listId + batchLabel(number, items.size(), batchSize);
            ApiRequest request = (update ? ApiRequest.put(itemsPath) : ApiRequest.post(itemsPath).query("action", action))
                    .json(body).kind(kind).step(step).build();
            JsonAnswer answer = transport.execute(request, Json.answer(request));
            return new ListItemsResult(count(answer, "added", 0), count(answer, "updated", 0),
                    count(answer, "deleted", 0), count(answer, "ignored", 0), count(answer, "total", batch.size()),
                    failures(answer, batch));
        }, ListItemsResult.EMPTY, ListItemsResult::plus);
    }

    // ------------------------------------------------------------------ cells

    /**
     * Writes cells of a module ({@code Map}s with lineItemId/lineItemName, dimensions, value; or {@link CellWrite}s),
     * in calls of at most batchSize cells.
     */
    public CellWriteResult writeCells(String moduleId, List<?> cells, int batchSize) {
        List<Indexed> all = Indexed.of(cells);
        ApiPath url = modelUrl.then("modules", moduleId, "data");
        return inBatches(all, batchSize, (batch, number) -> {
            List<ObjectNode> body = batch.stream().map(Indexed::node).toList();
            String step = "write cells of module " + moduleId + batchLabel(number, all.size(), batchSize);
            ApiRequest request = ApiRequest.post(url).json(body).kind(RequestKind.IDEMPOTENT).step(step).build();
            JsonAnswer answer = transport.execute(request, Json.answer(request));
            return new CellWriteResult(count(answer, "numberOfCellsChanged", 0), failures(answer, batch));
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
    private static List<WriteFailure> failures(JsonAnswer answer, List<Indexed> batch) {
        List<WriteFailure> out = new ArrayList<>();
        for (WriteFailure f : answer.list("failures", WriteFailure.class)) {
            int index = f.requestIndex();
            out.add(index >= 0 && index < batch.size() ? f.atIndex(batch.get(index).index()) : f);
        }
        return out;
    }

    // ------------------------------------------------------------------ dimensions, calendar, versions

    /** All items of a dimension (list, list subset, line-item subset, users, time, versions). */
    public List<DimensionItem> dimensionItems(String dimensionId) {
        return get(ApiRequest.get(modelUrl.then("dimensions", dimensionId, "items"))
                .step("items of dimension " + dimensionId)).list("items", DimensionItem.class);
    }

    /** The items of a dimension as a view shows them (its filters and selective access applied). */
    public List<DimensionItem> viewDimensionItems(String viewId, String dimensionId) {
        return get(ApiRequest.get(modelUrl.then("views", viewId, "dimensions", dimensionId, "items"))
                .step("items of dimension " + dimensionId + " in view " + viewId)).list("items", DimensionItem.class);
    }

    public ModelCalendar modelCalendar() {
        return get(ApiRequest.get(modelUrl.then("modelCalendar")).step("model calendar"))
                .read("modelCalendar", ModelCalendar.class);
    }

    public CurrentPeriod currentPeriod() {
        return get(ApiRequest.get(modelUrl.then("currentPeriod")).step("current period"))
                .read("currentPeriod", CurrentPeriod.class);
    }

    /** Sets the current period to the period holding date (YYYY-MM-DD); a blank date resets it. */
    public CurrentPeriod setCurrentPeriod(String date) {
        ApiRequest request = ApiRequest.put(modelUrl.then("currentPeriod")).json(new CurrentPeriodBody(date == null ? "" : date))
                .kind(RequestKind.IDEMPOTENT).step("set current period").build();
        CurrentPeriod period = transport.execute(request, Json.answerOrEmpty(request))
                .read("currentPeriod", CurrentPeriod.class);
        return period != null ? period : currentPeriod();
    }

    /** Sets the fiscal year (e.g. FY26) and returns it with its dates. */
    public FiscalYear setFiscalYear(String year) {
        ApiRequest request = ApiRequest.put(modelUrl.then("modelCalendar", "fiscalYear")).json(new FiscalYearBody(year))
                .kind(RequestKind.IDEMPOTENT).step("set fiscal year").build();
        FiscalYear fiscalYear = transport.execute(request, Json.answerOrEmpty(request))
                .read("modelCalendar.fiscalYear", FiscalYear.class);
        return fiscalYear != null ? fiscalYear : modelCalendar().fiscalYear();
    }

    public List<Version> versions() {
        return get(ApiRequest.get(modelUrl.then("versions")).step("list versions")).list("versionMetadata", Version.class);
    }

    // ------------------------------------------------------------------ read requests

    /** Starts a large-volume read of a view; read its pages, then close it (which deletes the request). */
    public ReadRequest startViewRead(String viewId, String exportType, TaskOptions options) {
        ViewReadBody body = new ViewReadBody(exportType == null || exportType.isBlank() ? "TABULAR_MULTI_COLUMN" : exportType);
        return ReadRequest.start(client, workspaceModelUrl.then("views", viewId, "readRequests"), "view " + viewId,
                "viewReadRequest", body, options);
    }

    /** Starts a large-volume read of a list (Workspace Administrators only). */
    public ReadRequest startListRead(String listId, TaskOptions options) {
        // an empty object: Jackson refuses to write a record without components
        return ReadRequest.start(client, workspaceModelUrl.then("lists", listId, "readRequests"), "list " + listId,
                "listReadRequest", Map.of(), options);
    }

    // ------------------------------------------------------------------ helpers

    private JsonAnswer get(ApiRequest.Builder request) {
        ApiRequest built = request.build();
        return transport.execute(built, Json.answer(built));
    }

    private <T> List<T> all(ApiPath url, String key, String step, Class<T> type) {
        return client.listAll(ApiRequest.get(url).step(step).build(), key, type);
    }

    /** A count of a write's answer; absent reads as {@code absent}, a non-number is a protocol violation. */
    private static long count(JsonAnswer answer, String field, long absent) {
        Long value = answer.read(field, Long.class);
        return value == null ? absent : value;
    }

    static ResponseReader<byte[]> bytes() {
        return (status, contentType, body) -> body.readAllBytes();
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
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
