package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** §7 ALM: online status, revisions, syncable revisions, sync / comparison / summary tasks and reports. */
final class AlmEndpoints {

    private final ApiSupport api;
    private final TaskEngine engine;
    private final SimAuth auth;

    AlmEndpoints(ApiSupport api, TaskEngine engine, SimAuth auth) {
        this.api = api;
        this.engine = engine;
        this.auth = auth;
    }

    void register(Router r) {
        r.add("PUT", "/2/0/models/{m}/onlineStatus", this::onlineStatus);
        r.add("POST", "/2/0/models/{m}/onlineStatus", this::onlineStatus);
        r.add("GET", "/2/0/models/{m}/alm/latestRevision", this::latestRevision);
        r.add("GET", "/2/0/models/{m}/alm/revisions", this::revisions);
        r.add("POST", "/2/0/models/{m}/alm/revisions", this::createRevision);
        r.add("GET", "/2/0/models/{m}/alm/revisions/{rev}/appliedToModels", this::appliedToModels);
        r.add("GET", "/2/0/models/{m}/alm/syncableRevisions", this::syncableRevisions);
        for (String kind : List.of("syncTasks", "comparisonReportTasks", "summaryReportTasks")) {
            r.add("POST", "/2/0/models/{m}/alm/" + kind, req -> startTask(req, kind));
            r.add("GET", "/2/0/models/{m}/alm/" + kind, req -> listTasks(req, kind));
            r.add("GET", "/2/0/models/{m}/alm/" + kind + "/{t}", req -> taskStatus(req, kind));
        }
        r.add("GET", "/2/0/models/{m}/alm/comparisonReports/{target}/{source}", this::comparisonReport);
        r.add("GET", "/2/0/models/{m}/alm/summaryReports/{target}/{source}", this::summaryReport);
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private ObjectNode revisionJson(AlmData.Held h) {
        ObjectNode n = Json.object();
        n.put("id", h.revision.id);
        n.put("name", h.revision.name);
        n.put("description", h.revision.description);
        n.put("createdOn", iso(h.revision.createdOn));
        n.put("createdBy", h.revision.createdBy);
        n.put("creationMethod", h.revision.creationMethod);
        n.put("appliedOn", iso(h.appliedOn));
        n.put("appliedBy", h.appliedBy);
        return n;
    }

    private SimModel model(SimRequest req) {
        SimModel m = api.model(req);
        if ("ARCHIVED".equals(m.state())) {
            throw new ApiException(422, "Model is archived");
        }
        return m;
    }

    private SimResponse onlineStatus(SimRequest req) {
        SimModel m = model(req);
        ObjectNode body = Json.parseObject(req.body(), "online status");
        String status = body.path("status").asText("");
        if (!status.equals("online") && !status.equals("offline")) {
            throw ApiException.badRequest("status must be 'online' or 'offline'");
        }
        if (m.isLocked() || "LOCKED".equals(m.state()) || "ARCHIVED".equals(m.state())) {
            throw ApiException.badRequest("Cannot change status when model is in Locked or Archived mode");
        }
        m.alm.online = status.equals("online");
        return SimResponse.empty(204);
    }

    private SimResponse latestRevision(SimRequest req) {
        SimModel m = model(req);
        AlmData.Held h = m.alm.latest();
        ObjectNode root = Json.success(ApiSupport.schema(req, null, "revision"));
        List<ObjectNode> list = new ArrayList<>();
        if (h != null) {
            list.add(revisionJson(h));
        }
        Json.putList(root, "revisions", list, api.omitEmpty());
        return SimResponse.json(200, root);
    }

    private static LocalDate date(SimRequest req, String name) {
        String v = req.query(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Invalid date for " + name + ": " + v);
        }
    }

    private SimResponse revisions(SimRequest req) {
        SimModel m = model(req);
        LocalDate after = date(req, "appliedAfter");
        LocalDate before = date(req, "appliedBefore");
        List<AlmData.Held> held = new ArrayList<>(m.alm.revisions);
        held.removeIf(h -> {
            LocalDate d = Instant.ofEpochMilli(h.appliedOn).atZone(ZoneOffset.UTC).toLocalDate();
            return (after != null && !d.isAfter(after)) || (before != null && !d.isBefore(before));
        });
        Comparator<AlmData.Held> cmp = Comparator.comparingLong(h -> h.appliedOn);
        String sort = req.query("sort");
        if (sort != null && !sort.isBlank()) {
            String field = sort.substring(sort.startsWith("-") || sort.startsWith("+") ? 1 : 0);
            if (field.equals("name")) {
                cmp = Comparator.comparing(h -> h.revision.name);
            } else if (field.equals("createdOn")) {
                cmp = Comparator.comparingLong(h -> h.revision.createdOn);
            }
            if (sort.startsWith("-")) {
                cmp = cmp.reversed();
            }
        }
        held.sort(cmp);
        List<ObjectNode> items = new ArrayList<>();
        held.forEach(h -> items.add(revisionJson(h)));
        return api.page(req, ApiSupport.schema(req, null, "revision"), "revisions", items);
    }

    private SimResponse createRevision(SimRequest req) {
        SimModel m = model(req);
        ObjectNode body = Json.parseObject(req.body(), "revision");
        String name = body.path("name").asText("");
        String description = body.path("description").asText("");
        if (name.isBlank()) {
            throw ApiException.badRequest("Revision name is mandatory");
        }
        if (name.length() > 60) {
            throw ApiException.badRequest("Revision name cannot exceed 60 characters");
        }
        if (description.length() > 250) {
            throw ApiException.badRequest("Revision description cannot exceed 250 characters");
        }
        String id = m.addRevision(name, description);
        ObjectNode root = Json.envelope(ApiSupport.schema(req, null, "revision"), 201, "Created");
        ObjectNode rev = revisionJson(m.alm.find(id));
        if (api.options.almRevisionsPluralOnCreate()) {
            root.putArray("revisions").add(rev);
        } else {
            root.set("revision", rev);
        }
        return SimResponse.json(201, root);
    }

    private SimResponse appliedToModels(SimRequest req) {
        model(req);
        String revId = req.param("rev");
        List<ObjectNode> items = new ArrayList<>();
        boolean known = false;
        List<SimModel> models = api.tenant.models();
        models.sort(Comparator.comparingLong(o -> o.alm.find(revId) == null ? Long.MAX_VALUE : o.alm.find(revId).appliedOn));
        for (SimModel other : models) {
            AlmData.Held h = other.alm.find(revId);
            if (h == null) {
                continue;
            }
            known = true;
            ObjectNode n = Json.object();
            n.put("modelId", other.id());
            n.put("modelName", other.name());
            n.put("workspaceId", other.workspaceId());
            n.put("appliedBy", h.appliedBy);
            n.put("appliedOn", iso(h.appliedOn));
            n.put("appliedMethod", h.appliedMethod);
            n.put("modelDeleted", false);
            items.add(n);
        }
        if (!known) {
            throw ApiException.notFound();
        }
        ObjectNode root = Json.success(ApiSupport.schema(req, null, "appliedToModels"));
        Json.putList(root, "appliedToModels", items, api.omitEmpty());
        return SimResponse.json(200, root);
    }

    private List<AlmData.Held> syncable(SimModel target, SimModel source) {
        AlmData.Held latest = target.alm.latest();
        long since = latest == null ? Long.MIN_VALUE : latest.revision.createdOn;
        List<AlmData.Held> out = new ArrayList<>();
        for (AlmData.Held h : source.alm.revisions) {
            if (h.revision.createdOn > since && target.alm.find(h.revision.id) == null) {
                out.add(h);
            }
        }
        out.sort(Comparator.comparingLong((AlmData.Held h) -> h.revision.createdOn).reversed());
        return out;
    }

    private SimModel source(String id) {
        SimModel s = api.tenant.findModel(id);
        if (s == null) {
            throw ApiException.notFound();
        }
        return s;
    }

    private SimResponse syncableRevisions(SimRequest req) {
        SimModel target = model(req);
        String sourceId = req.query("sourceModelId");
        if (sourceId == null || sourceId.isBlank()) {
            throw ApiException.badRequest("Missing 'sourceModelId' request parameter.");
        }
        List<ObjectNode> items = new ArrayList<>();
        syncable(target, source(sourceId)).forEach(h -> items.add(revisionJson(h)));
        ObjectNode root = Json.success(ApiSupport.schema(req, null, "revision"));
        Json.putList(root, "revisions", items, api.omitEmpty());
        return SimResponse.json(200, root);
    }

    private String taskUrl(SimRequest req, SimModel m, String kind, String taskId) {
        return req.baseUrl() + "/2/0/models/" + m.id() + "/alm/" + kind + "/" + taskId;
    }

    private void putCreationTime(ObjectNode n, long millis) {
        if (api.options.almCreationTimeIso()) {
            n.put("creationTime", Instant.ofEpochMilli(millis).toString());
        } else {
            n.put("creationTime", millis);
        }
    }

    private SimResponse startTask(SimRequest req, String kind) {
        SimModel target = model(req);
        ObjectNode body = Json.parseObject(req.body(), "ALM task");
        String sourceRev = body.path("sourceRevisionId").asText("");
        String sourceModelId = body.path("sourceModelId").asText("");
        String targetRev = body.path("targetRevisionId").asText("");
        if (sourceRev.isBlank() || sourceModelId.isBlank() || targetRev.isBlank()) {
            throw ApiException.badRequest("Expected mandatory fields 'sourceRevisionId', 'sourceModelId' and 'targetRevisionId'");
        }
        SimModel source = source(sourceModelId);
        if (source.alm.find(sourceRev) == null) {
            throw ApiException.notFound();
        }
        String taskId = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
        AlmData.AlmTask t = new AlmData.AlmTask(taskId, kind, sourceModelId, sourceRev, targetRev);
        target.alm.tasks.put(taskId, t);
        String user = auth.token(req.token()) == null ? Seed.USERNAME : auth.token(req.token()).userId;
        String reportBase = req.baseUrl() + "/2/0/models/" + target.id() + "/alm/";
        engine.later(api.options.taskDuration(), () -> finish(target, source, t, user, reportBase));
        ObjectNode root = Json.envelope(ApiSupport.schema(req, null, "taskWithUrl"), 201, "Created");
        ObjectNode tj = root.putObject("task");
        tj.put("taskId", taskId);
        tj.put("taskUrl", taskUrl(req, target, kind, taskId));
        tj.put("taskState", "IN_PROGRESS");
        putCreationTime(tj, t.creationTime);
        return SimResponse.json(201, root);
    }

    private void finish(SimModel target, SimModel source, AlmData.AlmTask t, String user, String reportBase) {
        ObjectNode result = Json.object();
        AlmData.Held latest = target.alm.latest();
        boolean compatible = latest != null && latest.revision.id.equals(t.targetRevisionId);
        if (!compatible) {
            result.put("successful", false);
            ObjectNode err = result.putObject("error");
            err.put("title", "The target and source revisions are incompatible");
            err.put("messageText", "Please choose a target revision that is the latest revision of the target model.");
            err.put("subtitle", "Incompatible revisions");
        } else {
            result.put("successful", true);
            result.put("targetRevisionId", t.targetRevisionId);
            result.put("sourceRevisionId", t.sourceRevisionId);
            String pair = t.targetRevisionId + "/" + t.sourceRevisionId;
            switch (t.kind) {
                case "syncTasks":
                    if (target.alm.find(t.sourceRevisionId) == null) {
                        AlmData.Held h = source.alm.find(t.sourceRevisionId);
                        target.alm.revisions.add(new AlmData.Held(h.revision, System.currentTimeMillis(), auth.userGuid(user), "Synchronized"));
                    }
                    break;
                case "comparisonReportTasks":
                    target.alm.comparisonReports.put(pair, true);
                    result.put("reportFileUrl", reportBase + "comparisonReports/" + pair);
                    break;
                default:
                    target.alm.summaryReports.put(pair, true);
                    result.put("reportFileUrl", reportBase + "summaryReports/" + pair);
                    break;
            }
        }
        t.result = result;
        t.state = TaskState.COMPLETE;
    }

    private ObjectNode taskJson(AlmData.AlmTask t) {
        ObjectNode n = Json.object();
        n.put("taskId", t.taskId);
        boolean done = t.state == TaskState.COMPLETE;
        ObjectNode result = t.result;
        n.put("currentStep", done ? (result != null && result.path("successful").asBoolean() ? "Complete." : "Failed.") : "Processing.");
        n.put("taskState", t.state.name());
        putCreationTime(n, t.creationTime);
        if (done && result != null) {
            n.set("result", result.deepCopy());
        }
        return n;
    }

    private SimResponse listTasks(SimRequest req, String kind) {
        SimModel m = model(req);
        List<ObjectNode> items = new ArrayList<>();
        m.alm.tasks(kind).forEach(t -> items.add(taskJson(t)));
        ObjectNode root = Json.success(ApiSupport.schema(req, null, "syncTask"));
        Json.putList(root, "tasks", items, api.omitEmpty());
        return SimResponse.json(200, root);
    }

    private SimResponse taskStatus(SimRequest req, String kind) {
        SimModel m = model(req);
        AlmData.AlmTask t = m.alm.tasks.get(req.param("t"));
        if (t == null || !t.kind.equals(kind)) {
            throw ApiException.notFound();
        }
        ObjectNode root = Json.success(ApiSupport.schema(req, null, kind.equals("syncTasks") ? "syncTask" : "reportTask"));
        root.set("task", taskJson(t));
        return SimResponse.json(200, root);
    }

    private SimResponse comparisonReport(SimRequest req) {
        SimModel m = model(req);
        String accept = req.header("Accept");
        if (accept == null || !accept.contains("application/octet-stream")) {
            throw new ApiException(406, "Not Acceptable");
        }
        String target = req.param("target");
        String source = req.param("source");
        if (!m.alm.comparisonReports.containsKey(target + "/" + source)) {
            throw ApiException.notFound();
        }
        String tsv = "Object Type\tObject Name\tChange\tSource Revision\tTarget Revision\n"
                + "Module\tProducts\tCreated\t" + source + "\t" + target + "\n"
                + "Line Item\tProducts.Price\tCreated\t" + source + "\t" + target + "\n"
                + "List\tRegions\tModified\t" + source + "\t" + target + "\n";
        return SimResponse.bytes(200, "application/octet-stream", tsv.getBytes(StandardCharsets.UTF_8));
    }

    private SimResponse summaryReport(SimRequest req) {
        SimModel m = model(req);
        String target = req.param("target");
        String source = req.param("source");
        if (!m.alm.summaryReports.containsKey(target + "/" + source)) {
            throw ApiException.notFound();
        }
        ObjectNode root = Json.success(ApiSupport.schema(req, null, "summaryReport"));
        ObjectNode s = root.putObject("summaryReport");
        s.put("targetRevisionId", target);
        s.put("sourceRevisionId", source);
        ObjectNode totals = s.putObject("totals");
        totals.put("modified", 1);
        totals.put("deleted", 1);
        totals.put("created", 3);
        ObjectNode diff = s.putObject("differences");
        diff.putObject("lineItems").put("created", 1);
        diff.putObject("rolesContents").put("modified", 1);
        diff.putObject("lists").put("deleted", 1).put("created", 1);
        diff.putObject("modules").put("created", 1);
        return SimResponse.json(200, root);
    }
}
