package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** §5.7–5.10: task start, list, status, cancel, failure dumps and optimizer solution logs. */
final class TaskEndpoints {

    private final ApiSupport api;
    private final TaskEngine engine;

    TaskEndpoints(ApiSupport api, TaskEngine engine) {
        this.api = api;
        this.engine = engine;
    }

    void register(Router r) {
        for (ActionKind k : ActionKind.values()) {
            String base = "/" + k.segment + "/{id}/tasks";
            r.model("POST", base, req -> start(req, k));
            r.model("GET", base, req -> list(req, k));
            r.model("GET", base + "/{t}", req -> status(req, k));
            r.model("DELETE", base + "/{t}", req -> cancel(req, k));
            r.model("GET", base + "/{t}/dump", req -> dump(req, k, null));
            r.model("GET", base + "/{t}/dump/chunks", req -> dumpChunks(req, k, null));
            r.model("GET", base + "/{t}/dump/chunks/{n}", req -> dumpChunk(req, k, null));
            r.model("GET", base + "/{t}/dumps/{o}", req -> {
                if (!api.options.processDumpUnchunked()) {
                    throw ApiException.notFound();
                }
                return dump(req, k, req.param("o"));
            });
            r.model("GET", base + "/{t}/dumps/{o}/chunks", req -> dumpChunks(req, k, req.param("o")));
            r.model("GET", base + "/{t}/dumps/{o}/chunks/{n}", req -> dumpChunk(req, k, req.param("o")));
        }
        r.model("GET", "/optimizeActions/{a}/tasks/{c}/solutionLogs", this::solutionLogs);
    }

    private ActionDef def(SimModel m, SimRequest req, ActionKind kind) {
        ActionDef d = m.action(req.param("id"));
        if (d == null || d.kind != kind) {
            throw ApiException.notFound();
        }
        return d;
    }

    private SimResponse start(SimRequest req, ActionKind kind) {
        SimModel m = api.model(req);
        ActionDef d = def(m, req, kind);
        if ("ARCHIVED".equals(m.state())) {
            throw new ApiException(422, "Model is archived");
        }
        if (m.isLocked() || "LOCKED".equals(m.state())) {
            throw new ApiException(423, "Model locked");
        }
        if (m.isBusy() || (api.options.rejectTaskWhenModelRunning() && m.runningTask() != null)) {
            throw new ApiException(409, "model or object busy");
        }
        String ct = req.contentType();
        JsonNode body = req.body().length == 0 ? null : Json.parse(req.body());
        if (body == null || !body.isObject()) {
            throw api.strict.violation(req, "task start needs a JSON body with localeName (Content-Type " + ct + ")");
        }
        JsonNode locale = body.get("localeName");
        if (locale == null || !locale.isTextual() || locale.asText().isBlank()) {
            throw api.strict.violation(req, "localeName is required");
        }
        List<Map<String, String>> mapping = new ArrayList<>();
        JsonNode mp = body.get("mappingParameters");
        if (mp != null && mp.isArray()) {
            for (JsonNode p : mp) {
                Map<String, String> e = new LinkedHashMap<>();
                e.put("entityType", p.path("entityType").asText());
                e.put("entityName", p.path("entityName").asText());
                mapping.add(e);
            }
        }
        SimTask t = launch(engine, m, d, locale.asText(), mapping);
        String taskId = t.taskId();
        ObjectNode root;
        switch (api.options.taskStartShape()) {
            case BARE:
                root = Json.object();
                root.put("taskId", taskId);
                break;
            case ID_ONLY:
                root = Json.success(ApiSupport.schema(req, m.id(), "task"));
                root.putObject("task").put("taskId", taskId);
                break;
            case FULL:
            default:
                root = Json.success(ApiSupport.schema(req, m.id(), "task"));
                ObjectNode tj = root.putObject("task");
                tj.put("taskId", taskId);
                tj.put("taskState", TaskState.NOT_STARTED.name());
                tj.put("creationTime", t.creationTime());
        }
        return SimResponse.json(200, root);
    }

    /** Creates, registers and queues a task (also used by CloudWorks runs). */
    static SimTask launch(TaskEngine engine, SimModel m, ActionDef d, String locale, List<Map<String, String>> mapping) {
        String taskId = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
        SimTask t = new SimTask(taskId, d.id, m.id(), d.kind, locale, List.copyOf(mapping), sourcesComplete(m, d));
        m.registerTask(t);
        engine.submit(m, t);
        return t;
    }

    private static boolean sourcesComplete(SimModel m, ActionDef d) {
        if (d.kind == ActionKind.IMPORT) {
            return d.dataSourceFileId == null || m.fileUploadComplete(d.dataSourceFileId);
        }
        if (d.kind == ActionKind.PROCESS) {
            for (String id : d.actionIds) {
                ActionDef a = m.action(id);
                if (a != null && a.kind == ActionKind.IMPORT && a.dataSourceFileId != null && !m.fileUploadComplete(a.dataSourceFileId)) {
                    return false;
                }
            }
        }
        return true;
    }

    private SimResponse list(SimRequest req, ActionKind kind) {
        SimModel m = api.model(req);
        List<SimTask> tasks = m.tasks(req.param("id"));
        String sort = req.query("sort");
        if (sort != null && sort.startsWith("-")) {
            java.util.Collections.reverse(tasks);
        }
        List<ObjectNode> items = new ArrayList<>();
        for (SimTask t : tasks) {
            if (t.kind != kind) {
                continue;
            }
            ObjectNode n = Json.object();
            n.put("taskId", t.taskId());
            n.put("taskState", t.state().name());
            n.put("creationTime", t.creationTime());
            items.add(n);
        }
        return api.page(req, ApiSupport.schema(req, m.id(), "task"), "tasks", items);
    }

    private SimTask task(SimModel m, SimRequest req) {
        SimTask t = m.task(req.param("id"), req.param("t"));
        if (t == null) {
            throw ApiException.notFound();
        }
        return t;
    }

    private ObjectNode taskJson(SimTask t) {
        ObjectNode n = Json.object();
        n.put("type", "taskInformation");
        n.put("taskId", t.taskId());
        n.put("currentStep", t.currentStep());
        n.put("progress", t.progress());
        n.put("creationTime", t.creationTime());
        n.put("taskState", t.state().name());
        ObjectNode result = t.result();
        if (result != null && t.state().terminal()) {
            n.set("result", result.deepCopy());
        }
        return n;
    }

    private SimResponse status(SimRequest req, ActionKind kind) {
        SimModel m = api.model(req);
        SimTask t = task(m, req);
        ObjectNode root = Json.success(ApiSupport.schema(req, m.id(), "task"));
        root.set("task", taskJson(t));
        return SimResponse.json(200, root);
    }

    private SimResponse cancel(SimRequest req, ActionKind kind) {
        SimModel m = api.model(req);
        SimTask t = task(m, req);
        engine.cancel(m, t);
        if (api.options.cancelStatus() == 204) {
            return SimResponse.empty(204);
        }
        ObjectNode root = Json.success(ApiSupport.schema(req, m.id(), "task"));
        root.set("task", taskJson(t));
        return SimResponse.json(200, root);
    }

    /** The dump bytes, null when the task has none (→ 204); 404 for unknown tasks. */
    private byte[] dumpBytes(SimRequest req, String objectId) {
        SimModel m = api.model(req);
        SimTask t = task(m, req);
        if (!t.state().terminal()) {
            throw ApiException.notFound();
        }
        return t.dumps.get(objectId == null ? t.actionId() : objectId);
    }

    private SimResponse dump(SimRequest req, ActionKind kind, String objectId) {
        byte[] d = dumpBytes(req, objectId);
        if (d == null) {
            return SimResponse.empty(204);
        }
        return SimResponse.bytes(200, "text/plain;charset=UTF-8", d);
    }

    private SimResponse dumpChunks(SimRequest req, ActionKind kind, String objectId) {
        byte[] d = dumpBytes(req, objectId);
        if (d == null) {
            throw ApiException.notFound();
        }
        SimModel m = api.model(req);
        int size = api.options.dumpChunkSize();
        int n = Math.max(1, (d.length + size - 1) / size);
        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode c = Json.object();
            c.put("id", String.valueOf(i));
            c.put("name", "Chunk " + i);
            items.add(c);
        }
        return api.page(req, ApiSupport.schema(req, m.id(), "chunk"), "chunks", items);
    }

    private SimResponse dumpChunk(SimRequest req, ActionKind kind, String objectId) {
        byte[] d = dumpBytes(req, objectId);
        if (d == null) {
            throw ApiException.notFound();
        }
        int idx;
        try {
            idx = Integer.parseInt(req.param("n"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound();
        }
        int size = api.options.dumpChunkSize();
        int from = idx * size;
        if (idx < 0 || (from >= d.length && !(idx == 0 && d.length == 0))) {
            throw ApiException.notFound();
        }
        int to = Math.min(d.length, from + size);
        byte[] part = java.util.Arrays.copyOfRange(d, from, to);
        return SimResponse.bytes(200, "text/plain;charset=UTF-8", part);
    }

    private SimResponse solutionLogs(SimRequest req) {
        SimModel m = api.model(req);
        ActionDef a = m.action(req.param("a"));
        if (a == null || a.kind != ActionKind.ACTION) {
            throw ApiException.notFound();
        }
        String correlation = req.param("c");
        for (ActionDef p : m.actions(ActionKind.PROCESS)) {
            if (!p.actionIds.contains(a.id)) {
                continue;
            }
            SimTask t = m.task(p.id, correlation);
            if (t != null) {
                String log = "Optimizer solution log for action " + a.id + " (" + a.name + ")\n"
                        + "Task " + correlation + " state " + t.state() + "\n"
                        + "Status: OPTIMAL\nObjective value: 0\nIterations: 1\n";
                return SimResponse.text(200, "text/plain;charset=UTF-8", log);
            }
        }
        throw ApiException.notFound();
    }
}
