package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** §6.3: large-volume read requests of views and lists; pages become available over the task duration. */
final class ReadRequestEndpoints extends TransactionalSupport {

    private final TaskEngine engine;

    ReadRequestEndpoints(ApiSupport api, TaskEngine engine) {
        super(api);
        this.engine = engine;
    }

    @Override
    void register(Router r) {
        r.model("POST", "/views/{v}/readRequests", req -> startRead(req, false));
        r.model("GET", "/views/{v}/readRequests/{r}", req -> readStatus(req, false));
        r.model("DELETE", "/views/{v}/readRequests/{r}", req -> readDelete(req, false));
        r.model("GET", "/views/{v}/readRequests/{r}/pages/{p}", req -> readPage(req, false));
        r.model("POST", "/lists/{l}/readRequests", req -> startRead(req, true));
        r.model("GET", "/lists/{l}/readRequests/{r}", req -> readStatus(req, true));
        r.model("DELETE", "/lists/{l}/readRequests/{r}", req -> readDelete(req, true));
        r.model("GET", "/lists/{l}/readRequests/{r}/pages/{p}", req -> readPage(req, true));
    }

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
}
