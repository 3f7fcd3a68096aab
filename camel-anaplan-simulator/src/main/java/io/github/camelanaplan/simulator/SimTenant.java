package io.github.camelanaplan.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Workspaces and models of the simulated tenant: seeding and inspection. Thread-safe. */
public final class SimTenant {

    private final Map<String, SimWorkspace> workspaces = new ConcurrentSkipListMap<>();
    private final Map<String, SimModel> models = new ConcurrentSkipListMap<>();
    private final SimulatorOptions options;
    private final ContentStore store;

    SimTenant(SimulatorOptions options, ContentStore store) {
        this.options = options;
        this.store = store;
    }

    public SimWorkspace addWorkspace(String workspaceId, String name) {
        SimWorkspace w = new SimWorkspace(workspaceId, name);
        workspaces.put(workspaceId, w);
        return w;
    }

    /** Adds a model to an existing workspace; {@code state} is its activeState (e.g. "UNLOCKED"). */
    public SimModel addModel(String workspaceId, String modelId, String name, String state) {
        if (!workspaces.containsKey(workspaceId)) {
            throw new IllegalArgumentException("unknown workspace " + workspaceId);
        }
        SimModel m = new SimModel(workspaceId, modelId, name, state, options, store);
        models.put(modelId, m);
        return m;
    }

    /** The model, or an IllegalArgumentException for unknown ids. */
    public SimModel model(String modelId) {
        SimModel m = models.get(modelId);
        if (m == null) {
            throw new IllegalArgumentException("unknown model " + modelId);
        }
        return m;
    }

    /** Removes a model; returns whether it existed. */
    public boolean removeModel(String modelId) {
        return models.remove(modelId) != null;
    }

    public SimWorkspace workspace(String workspaceId) {
        return workspaces.get(workspaceId);
    }

    SimModel findModel(String modelId) {
        return models.get(modelId);
    }

    public List<SimWorkspace> workspaces() {
        return new ArrayList<>(workspaces.values());
    }

    public List<SimModel> models() {
        return new ArrayList<>(models.values());
    }

    public List<SimModel> models(String workspaceId) {
        List<SimModel> out = new ArrayList<>();
        for (SimModel m : models.values()) {
            if (m.workspaceId().equals(workspaceId)) {
                out.add(m);
            }
        }
        return out;
    }
}
