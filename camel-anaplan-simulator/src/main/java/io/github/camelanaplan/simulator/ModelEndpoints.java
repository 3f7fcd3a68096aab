package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** §5.1 and §5.2: users, workspaces, models, model status, open and close. */
final class ModelEndpoints {

    private final ApiSupport api;
    private final SimAuth auth;

    ModelEndpoints(ApiSupport api, SimAuth auth) {
        this.api = api;
        this.auth = auth;
    }

    void register(Router r) {
        r.add("GET", "/2/0/users/me", this::me);
        r.add("GET", "/2/0/users", this::users);
        r.add("GET", "/2/0/users/{u}", this::user);
        r.add("GET", "/2/0/workspaces", this::workspaces);
        r.add("GET", "/2/0/workspaces/{ws}", this::workspace);
        r.add("GET", "/2/0/models", this::models);
        r.add("GET", "/2/0/workspaces/{ws}/models", this::workspaceModels);
        r.add("GET", "/2/0/models/{m}", this::model);
        r.add("GET", "/2/0/workspaces/{ws}/models/{m}", req -> {
            throw new ApiException(405, "Method Not Allowed");
        });
        r.add("POST", "/2/0/workspaces/{ws}/bulkDeleteModels", this::bulkDelete);
        r.model("GET", "/status", req -> status(req, false));
        r.model("POST", "/status", req -> status(req, true));
        r.model("POST", "/open", this::open);
        r.model("POST", "/close", this::close);
    }

    private ObjectNode userJson(String userId) {
        ObjectNode u = Json.object();
        u.put("id", auth.userGuid(userId));
        u.put("active", true);
        u.put("email", userId);
        u.put("emailOptIn", false);
        String local = userId.contains("@") ? userId.substring(0, userId.indexOf('@')) : userId;
        String[] names = local.split("[._]", 2);
        u.put("firstName", capitalize(names[0]));
        u.put("lastName", names.length > 1 ? capitalize(names[1]) : "User");
        u.put("lastLoginDate", "2026-01-05T09:00:00.000+0000");
        u.put("customerId", SimAuth.CUSTOMER_GUID);
        return u;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String currentUser(SimRequest req) {
        SimAuth.Token t = auth.token(req.token());
        return t == null ? "unknown@example.com" : t.userId;
    }

    private SimResponse me(SimRequest req) {
        ObjectNode root = Json.success(ApiSupport.schema(req, null, "user"));
        root.set("user", userJson(currentUser(req)));
        return SimResponse.json(200, root);
    }

    private SimResponse users(SimRequest req) {
        List<ObjectNode> items = new ArrayList<>();
        items.add(userJson(currentUser(req)));
        sort(req, items, java.util.Set.of("id", "email", "firstName", "lastName"));
        return api.page(req, ApiSupport.schema(req, null, "user"), "users", items);
    }

    private SimResponse user(SimRequest req) {
        String me = currentUser(req);
        if (!req.param("u").equals(auth.userGuid(me))) {
            throw ApiException.notFound();
        }
        ObjectNode root = Json.success(ApiSupport.schema(req, null, "user"));
        root.set("user", userJson(me));
        return SimResponse.json(200, root);
    }

    private ObjectNode workspaceJson(SimWorkspace w, boolean details) {
        ObjectNode n = Json.object();
        n.put("id", w.id());
        n.put("name", w.name());
        n.put("active", true);
        if (details) {
            n.put("sizeAllowance", 1073741824L);
            n.put("currentSize", 52428800L);
        }
        return n;
    }

    private SimResponse workspaces(SimRequest req) {
        boolean details = "true".equalsIgnoreCase(req.query("tenantDetails"));
        List<ObjectNode> items = new ArrayList<>();
        api.tenant.workspaces().forEach(w -> items.add(workspaceJson(w, details)));
        sort(req, items, java.util.Set.of("id", "name", "active"));
        return api.page(req, ApiSupport.schema(req, null, "workspace"), "workspaces", items);
    }

    private SimResponse workspace(SimRequest req) {
        SimWorkspace w = api.tenant.workspace(req.param("ws"));
        if (w == null) {
            throw ApiException.notFound();
        }
        ObjectNode root = Json.success(ApiSupport.schema(req, null, "workspace"));
        root.set("workspace", workspaceJson(w, "true".equalsIgnoreCase(req.query("tenantDetails"))));
        return SimResponse.json(200, root);
    }

    ObjectNode modelJson(SimRequest req, SimModel m, boolean details) {
        ObjectNode n = Json.object();
        n.put("id", m.id());
        n.put("name", m.name());
        n.put("activeState", m.state());
        n.put("currentWorkspaceId", m.workspaceId());
        SimWorkspace w = api.tenant.workspace(m.workspaceId());
        n.put("currentWorkspaceName", w == null ? "" : w.name());
        n.put("modelUrl", req.baseUrl() + "/anaplan/framework.jsp?selectedWorkspaceId=" + m.workspaceId() + "&takeAction=modelDrillDown&selectedModelId=" + m.id());
        if (!api.omitEmpty()) {
            n.putArray("categoryValues");
        }
        n.put("isoCreationDate", "2025-11-03T10:15:30.000+0000");
        n.put("lastModified", "2026-01-05T09:00:00.000+0000");
        n.put("lastModifiedByUserGuid", auth.userGuid(Seed.USERNAME));
        n.put("lastSavedSerialNumber", 2000042);
        n.put("modelTransactionRunning", m.runningTask() != null);
        if (details) {
            n.put("memoryUsage", 104857600L);
        }
        return n;
    }

    private SimResponse models(SimRequest req) {
        boolean details = "true".equalsIgnoreCase(req.query("modelDetails"));
        List<ObjectNode> items = new ArrayList<>();
        api.tenant.models().forEach(m -> items.add(modelJson(req, m, details)));
        sort(req, items, java.util.Set.of("id", "name", "activeState", "currentWorkspaceId", "lastModified"));
        return api.page(req, ApiSupport.schema(req, null, "model"), "models", items);
    }

    /** {@code sort=+field,-field}: the prefix is mandatory and the field validated (400 otherwise). */
    static void sort(SimRequest req, List<ObjectNode> items, java.util.Set<String> fields) {
        String sort = req.query("sort");
        if (sort == null || sort.isBlank()) {
            return;
        }
        java.util.Comparator<ObjectNode> cmp = null;
        for (String part : sort.split(",")) {
            String p = part.trim();
            if (p.length() < 2 || (p.charAt(0) != '+' && p.charAt(0) != '-') || !fields.contains(p.substring(1))) {
                throw ApiException.badRequest("Invalid sort parameter '" + p + "'; expected +field or -field with field one of " + new java.util.TreeSet<>(fields));
            }
            String f = p.substring(1);
            java.util.Comparator<ObjectNode> c = java.util.Comparator.comparing(n -> n.path(f).asText());
            if (p.charAt(0) == '-') {
                c = c.reversed();
            }
            cmp = cmp == null ? c : cmp.thenComparing(c);
        }
        items.sort(cmp);
    }

    private SimResponse bulkDelete(SimRequest req) {
        String ws = req.param("ws");
        if (api.tenant.workspace(ws) == null) {
            throw ApiException.notFound();
        }
        ObjectNode body = Json.parseObject(req.body(), "bulk delete");
        com.fasterxml.jackson.databind.JsonNode ids = body.get("modelIdsToDelete");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw ApiException.badRequest("modelIdsToDelete is required");
        }
        int deleted = 0;
        List<ObjectNode> failures = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode idNode : ids) {
            String id = idNode.asText();
            SimModel m = api.tenant.findModel(id);
            String failure = null;
            if (m == null || !m.workspaceId().equals(ws)) {
                failure = "Model not found.";
            } else if (m.isOpen()) {
                failure = "Model is open. Please close the model before trying again.";
            }
            if (failure == null) {
                api.tenant.removeModel(id);
                deleted++;
            } else {
                ObjectNode f = Json.object();
                f.put("modelId", id);
                f.put("message", failure);
                failures.add(f);
            }
        }
        ObjectNode root = Json.success(ApiSupport.schema(req, null, "bulkDeleteModelsResponse"));
        root.put("modelsDeleted", deleted);
        Json.putList(root, "bulkDeleteModelsFailures", failures, true);
        return SimResponse.json(200, root);
    }

    private SimResponse workspaceModels(SimRequest req) {
        String ws = req.param("ws");
        if (api.tenant.workspace(ws) == null) {
            throw ApiException.notFound();
        }
        boolean details = "true".equalsIgnoreCase(req.query("modelDetails"));
        List<ObjectNode> items = new ArrayList<>();
        api.tenant.models(ws).forEach(m -> items.add(modelJson(req, m, details)));
        sort(req, items, java.util.Set.of("id", "name", "activeState", "currentWorkspaceId", "lastModified"));
        return api.page(req, ApiSupport.schema(req, null, "model"), "models", items);
    }

    private SimResponse model(SimRequest req) {
        SimModel m = api.model(req);
        ObjectNode root = Json.success(ApiSupport.schema(req, null, "model"));
        root.set("model", modelJson(req, m, "true".equalsIgnoreCase(req.query("modelDetails"))));
        return SimResponse.json(200, root);
    }

    private SimResponse status(SimRequest req, boolean envelope) {
        SimModel m = api.model(req);
        ObjectNode rs = Json.object();
        SimTask running = m.runningTask();
        if (running != null) {
            rs.put("currentStep", "Processing ...");
            rs.put("progress", running.progress());
            rs.put("creationTime", running.creationTime());
            rs.put("taskId", running.taskId());
            rs.put("tooltip", "The system is currently processing " + running.actionId());
        } else {
            rs.put("currentStep", m.isOpen() ? "Open" : "Closed");
            rs.put("progress", -1.0);
            rs.put("creationTime", System.currentTimeMillis());
            rs.putNull("taskId");
            rs.putNull("tooltip");
        }
        rs.putNull("exportTaskType");
        rs.putNull("peakMemoryUsageEstimate");
        rs.putNull("peakMemoryUsageTime");
        ObjectNode root = envelope ? Json.success(ApiSupport.schema(req, m.id(), "modelStatus")) : Json.object();
        root.set("requestStatus", rs);
        return SimResponse.json(200, root);
    }

    private SimResponse open(SimRequest req) {
        api.model(req).open(true);
        return SimResponse.empty(202);
    }

    private SimResponse close(SimRequest req) {
        api.model(req).open(false);
        return SimResponse.empty(204);
    }
}
