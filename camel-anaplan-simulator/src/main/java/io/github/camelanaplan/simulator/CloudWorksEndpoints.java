package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** §9 CloudWorks: connections, integrations, runs (a process integration really runs its process), run status and dumps. */
final class CloudWorksEndpoints {

    private static final String BASE = "/cloudworks/2/0/integrations";

    private final ApiSupport api;
    private final TaskEngine engine;
    private final SimCloudWorks cw;

    CloudWorksEndpoints(ApiSupport api, TaskEngine engine, SimCloudWorks cw) {
        this.api = api;
        this.engine = engine;
        this.cw = cw;
    }

    void register(Router r) {
        r.add("GET", BASE + "/connections", this::connections);
        r.add("POST", BASE + "/connections", this::createConnection);
        r.add("PUT", BASE + "/connections/{c}", this::updateConnection);
        r.add("PATCH", BASE + "/connections/{c}", this::updateConnection);
        r.add("DELETE", BASE + "/connections/{c}", this::deleteConnection);
        r.add("GET", BASE + "/run/{run}", this::runStatus);
        r.add("GET", BASE + "/runs/{id}", this::history);
        r.add("GET", BASE + "/runerror/{run}", this::runError);
        r.add("GET", BASE + "/run/{run}/dumps", req -> dump(req, null));
        r.add("GET", BASE + "/run/{run}/dump", req -> dump(req, null));
        r.add("GET", BASE + "/run/{run}/process/import/{action}/dumps", req -> dump(req, req.param("action")));
        r.add("GET", BASE, this::list);
        r.add("POST", BASE, this::create);
        r.add("GET", BASE + "/{id}", this::get);
        r.add("PUT", BASE + "/{id}", this::update);
        r.add("DELETE", BASE + "/{id}", this::delete);
        r.add("POST", BASE + "/{id}/run", this::run);
        r.add("POST", BASE + "/{id}/cancel", this::cancel);
    }

    private static ObjectNode ok() {
        ObjectNode root = Json.object();
        ObjectNode s = root.putObject("status");
        s.put("code", 200);
        s.put("message", "Success");
        return root;
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    // ---------------------------------------------------------------- connections

    private SimResponse connections(SimRequest req) {
        List<ObjectNode> items = new ArrayList<>();
        cw.connections.forEach((id, c) -> {
            ObjectNode n = Json.MAPPER.valueToTree(c);
            n.put("connectionId", id);
            items.add(n);
        });
        return api.page(req, "https://api.cloudworks.anaplan.com/2/0/objects/connection", "connections", items);
    }

    private SimResponse createConnection(SimRequest req) {
        ObjectNode body = Json.parseObject(req.body(), "connection");
        if (!body.hasNonNull("type") || !body.hasNonNull("body")) {
            throw ApiException.badRequest("type and body are required");
        }
        String id = newId();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", body.get("type").asText());
        c.put("name", body.path("body").path("name").asText(id));
        cw.connections.put(id, c);
        ObjectNode root = ok();
        root.putObject("connections").put("connectionId", id);
        return SimResponse.json(200, root);
    }

    private SimResponse updateConnection(SimRequest req) {
        Map<String, Object> c = cw.connections.get(req.param("c"));
        if (c == null) {
            throw ApiException.notFound();
        }
        ObjectNode body = Json.parseObject(req.body(), "connection");
        if (body.path("body").hasNonNull("name")) {
            c.put("name", body.path("body").get("name").asText());
        }
        return SimResponse.json(200, ok());
    }

    private SimResponse deleteConnection(SimRequest req) {
        if (cw.connections.remove(req.param("c")) == null) {
            throw ApiException.notFound();
        }
        return SimResponse.json(200, ok());
    }

    // ---------------------------------------------------------------- integrations

    private ObjectNode integrationJson(SimCloudWorks.Integration i, boolean full) {
        ObjectNode n = Json.object();
        n.put("integrationId", i.id);
        n.put("name", i.name);
        n.put("workspaceId", i.workspaceId);
        n.put("modelId", i.modelId);
        n.put("createdDate", iso(i.createdDate));
        n.put("createdBy", Seed.USERNAME);
        n.put("version", "2.0");
        List<SimCloudWorks.Run> runs = cw.runs(i.id);
        if (!runs.isEmpty()) {
            n.set("latestRun", runJson(runs.get(runs.size() - 1)));
        }
        if (full) {
            if (i.processId != null) {
                n.put("processId", i.processId);
            }
            n.putArray("jobs");
        }
        return n;
    }

    private SimCloudWorks.Integration integration(SimRequest req) {
        SimCloudWorks.Integration i = cw.integrations.get(req.param("id"));
        if (i == null) {
            throw ApiException.notFound();
        }
        return i;
    }

    private SimResponse list(SimRequest req) {
        List<ObjectNode> items = new ArrayList<>();
        for (SimCloudWorks.Integration i : cw.integrations()) {
            items.add(integrationJson(i, false));
        }
        String sortBy = req.query("sortBy");
        if (sortBy != null && sortBy.replace("-", "").equals("name")) {
            items.sort((a, b) -> a.get("name").asText().compareTo(b.get("name").asText()));
            if (sortBy.startsWith("-")) {
                java.util.Collections.reverse(items);
            }
        }
        return api.page(req, "https://api.cloudworks.anaplan.com/2/0/objects/integration", "integrations", items);
    }

    private SimResponse create(SimRequest req) {
        ObjectNode body = Json.parseObject(req.body(), "integration");
        String name = body.path("name").asText("");
        String ws = body.path("workspaceId").asText("");
        String model = body.path("modelId").asText("");
        if (name.isBlank() || ws.isBlank() || model.isBlank()) {
            throw ApiException.badRequest("name, workspaceId and modelId are required");
        }
        String processId = body.hasNonNull("processId") ? body.get("processId").asText() : null;
        String id = cw.addIntegration(name, ws, model, processId);
        ObjectNode root = ok();
        root.putObject("integration").put("integrationId", id);
        return SimResponse.json(200, root);
    }

    private SimResponse get(SimRequest req) {
        ObjectNode root = ok();
        root.set("integration", integrationJson(integration(req), true));
        return SimResponse.json(200, root);
    }

    private SimResponse update(SimRequest req) {
        SimCloudWorks.Integration i = integration(req);
        ObjectNode body = Json.parseObject(req.body(), "integration");
        if (body.hasNonNull("name")) {
            i.name = body.get("name").asText();
        }
        return SimResponse.json(200, ok());
    }

    private SimResponse delete(SimRequest req) {
        SimCloudWorks.Integration i = integration(req);
        cw.integrations.remove(i.id);
        return SimResponse.json(200, ok());
    }

    // ---------------------------------------------------------------- runs

    private ObjectNode runJson(SimCloudWorks.Run r) {
        r.refresh();
        ObjectNode n = Json.object();
        n.put("id", r.id);
        n.put("integrationId", r.integrationId);
        n.put("startDate", iso(r.startDate));
        if (r.endDate >= 0) {
            n.put("endDate", iso(r.endDate));
        } else {
            n.putNull("endDate");
        }
        if (r.success == null) {
            n.putNull("success");
        } else {
            n.put("success", r.success);
        }
        n.put("message", r.message);
        if (Boolean.FALSE.equals(r.success)) {
            n.put("executionErrorCode", r.cancelled ? "CANCELLED" : "PROCESS_FAILED");
        } else {
            n.putNull("executionErrorCode");
        }
        n.put("triggerSource", r.triggerSource);
        return n;
    }

    private SimResponse run(SimRequest req) {
        SimCloudWorks.Integration i = integration(req);
        for (SimCloudWorks.Run existing : cw.runs(i.id)) {
            if (existing.running()) {
                throw new ApiException(409, "Integration is already running");
            }
        }
        SimCloudWorks.Run run = new SimCloudWorks.Run(newId(), i.id, "manual");
        boolean fail = cw.failNext.remove(i.id);
        SimModel m = api.tenant.findModel(i.modelId);
        ActionDef process = m == null || i.processId == null ? null : m.action(i.processId);
        cw.runs.put(run.id, run);
        if (process != null) {
            if (fail) {
                m.failNextTask(process.id);
            }
            run.task = TaskEndpoints.launch(engine, m, process, "en_US", List.of());
        } else {
            engine.later(api.options.taskDuration(), () -> {
                synchronized (run) {
                    if (run.endDate < 0) {
                        run.endDate = System.currentTimeMillis();
                        run.success = !fail;
                        run.message = fail ? "Integration failed" : "Integration completed successfully";
                    }
                }
            });
        }
        ObjectNode root = ok();
        root.putObject("run").put("id", run.id);
        return SimResponse.json(200, root);
    }

    private SimResponse cancel(SimRequest req) {
        SimCloudWorks.Integration i = integration(req);
        for (SimCloudWorks.Run r : cw.runs(i.id)) {
            if (r.running()) {
                synchronized (r) {
                    r.cancelled = true;
                    SimTask t = r.task;
                    if (t != null) {
                        engine.cancel(api.tenant.findModel(i.modelId), t);
                    } else {
                        r.endDate = System.currentTimeMillis();
                        r.success = false;
                        r.message = "Run cancelled";
                    }
                }
                return SimResponse.json(200, ok());
            }
        }
        throw new ApiException(409, "Integration is not running");
    }

    private SimCloudWorks.Run runOf(SimRequest req) {
        SimCloudWorks.Run r = cw.runs.get(req.param("run"));
        if (r == null) {
            throw ApiException.notFound();
        }
        return r;
    }

    private SimResponse runStatus(SimRequest req) {
        ObjectNode root = ok();
        root.set("run", runJson(runOf(req)));
        return SimResponse.json(200, root);
    }

    private SimResponse history(SimRequest req) {
        String id = req.param("id");
        if (!cw.integrations.containsKey(id)) {
            throw ApiException.notFound();
        }
        List<SimCloudWorks.Run> runs = cw.runs(id);
        ObjectNode root = ok();
        ObjectNode h = root.putObject("history_of_runs");
        h.put("totalRuns", runs.size());
        ArrayNode arr = h.putArray("runs");
        for (int k = runs.size() - 1; k >= 0; k--) {
            arr.add(runJson(runs.get(k)));
        }
        return SimResponse.json(200, root);
    }

    private SimResponse runError(SimRequest req) {
        SimCloudWorks.Run r = runOf(req);
        ObjectNode root = ok();
        ObjectNode e = root.putObject("runs");
        e.put("id", r.id);
        ArrayNode errors = e.putArray("errorMessages");
        if (Boolean.FALSE.equals(r.success)) {
            errors.add(r.message);
        }
        return SimResponse.json(200, root);
    }

    private SimResponse dump(SimRequest req, String actionId) {
        SimCloudWorks.Run r = runOf(req);
        SimTask t = r.task;
        if (t == null || !t.state().terminal()) {
            throw ApiException.notFound();
        }
        byte[] d = null;
        if (actionId != null) {
            d = t.dumps.get(actionId);
        } else {
            for (byte[] b : t.dumps.values()) {
                d = b;
                break;
            }
        }
        if (d == null) {
            throw ApiException.notFound();
        }
        return SimResponse.bytes(200, "text/plain;charset=UTF-8", d);
    }
}
