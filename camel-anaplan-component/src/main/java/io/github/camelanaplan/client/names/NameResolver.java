package io.github.camelanaplan.client.names;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.bulk.ActionType;
import io.github.camelanaplan.client.bulk.ModelClient;
import io.github.camelanaplan.client.transactional.TransactionalClient;

/**
 * Turns names into ids through the API's listings (read-only GETs), kept in the engine's {@link NameCache} for
 * {@code ttl}. A name not found in a kept listing is looked up once more in a fresh one, since the object may be new.
 * Every method either returns an id that the listing holds under exactly that name or throws
 * {@link AnaplanNameException}.
 */
public final class NameResolver {

    private final AnaplanClient client;
    private final NameCache cache;
    private final Duration ttl;

    public NameResolver(AnaplanClient client, Duration ttl) {
        this(client, client.names(), ttl);
    }

    NameResolver(AnaplanClient client, NameCache cache, Duration ttl) {
        this.client = client;
        this.cache = cache;
        this.ttl = ttl;
    }

    public String workspaceId(String name) {
        return resolve("workspaces", "workspace", name,
                () -> client.workspaces().stream().map(w -> new Named(w.id(), w.name(), "workspace")).toList()).id();
    }

    /**
     * The model of that name in the workspace, or in the whole tenant when {@code workspaceId} is null; the answer's
     * {@link Named#ownerId()} is the model's workspace.
     */
    public Named model(String workspaceId, String name) {
        return resolve("models|" + (workspaceId == null ? "*" : workspaceId), "model", name,
                () -> client.models(workspaceId).stream()
                        .map(m -> new Named(m.id(), m.name(), "model", m.currentWorkspaceId())).toList());
    }

    public String fileId(String workspaceId, String modelId, String name) {
        ModelClient model = client.model(workspaceId, modelId);
        return resolve("files|" + modelId, "file", name,
                () -> model.files().stream().map(f -> new Named(f.id(), f.name(), "file")).toList()).id();
    }

    /** An import, export, process or other action of that name; {@code type} null: any of the four kinds. */
    public String actionId(String workspaceId, String modelId, String name, ActionType type) {
        ModelClient model = client.model(workspaceId, modelId);
        List<ActionType> types = type == null ? List.of(ActionType.values()) : List.of(type);
        List<String> keys = types.stream().map(t -> t.name() + "|" + modelId).toList();
        String what = type == null ? "import, export, process or action" : kindName(type);
        return cache.find(keys, what, name, ttl,
                key -> () -> list(model, ActionType.valueOf(key.substring(0, key.indexOf('|'))))).id();
    }

    public String listId(String workspaceId, String modelId, String name) {
        TransactionalClient tr = new TransactionalClient(client, workspaceId, modelId);
        return resolve("lists|" + modelId, "list", name,
                () -> tr.lists().stream().map(l -> new Named(l.id(), l.name(), "list")).toList()).id();
    }

    public String moduleId(String workspaceId, String modelId, String name) {
        TransactionalClient tr = new TransactionalClient(client, workspaceId, modelId);
        return resolve("modules|" + modelId, "module", name,
                () -> tr.modules().stream().map(m -> new Named(m.id(), m.name(), "module")).toList()).id();
    }

    public String viewId(String workspaceId, String modelId, String name) {
        TransactionalClient tr = new TransactionalClient(client, workspaceId, modelId);
        return resolve("views|" + modelId, "view", name,
                () -> tr.views(null).stream().map(v -> new Named(v.id(), v.name(), "view")).toList()).id();
    }

    private Named resolve(String key, String what, String name, Supplier<List<Named>> loader) {
        return cache.find(key, what, name, ttl, loader);
    }

    private static List<Named> list(ModelClient model, ActionType type) {
        String kind = kindName(type);
        switch (type) {
            case IMPORT:
                return model.imports().stream().map(a -> new Named(a.id(), a.name(), kind)).toList();
            case EXPORT:
                return model.exports().stream().map(a -> new Named(a.id(), a.name(), kind)).toList();
            case PROCESS:
                return model.processes().stream().map(a -> new Named(a.id(), a.name(), kind)).toList();
            default:
                return model.actions().stream().map(a -> new Named(a.id(), a.name(), kind)).toList();
        }
    }

    private static String kindName(ActionType type) {
        switch (type) {
            case IMPORT:
                return "import";
            case EXPORT:
                return "export";
            case PROCESS:
                return "process";
            default:
                return "action";
        }
    }
}
