package io.github.camelanaplan.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** CloudWorks state (§9): connections, integrations and their runs. Thread-safe. */
public final class SimCloudWorks {

    /** An integration. */
    public static final class Integration {
        final String id;
        volatile String name;
        final String workspaceId;
        final String modelId;
        final String processId;
        final long createdDate = System.currentTimeMillis();

        Integration(String id, String name, String workspaceId, String modelId, String processId) {
            this.id = id;
            this.name = name;
            this.workspaceId = workspaceId;
            this.modelId = modelId;
            this.processId = processId;
        }

        public String id() { return id; }
        public String name() { return name; }
        public String processId() { return processId; }
    }

    /** One run of an integration. */
    public static final class Run {
        final String id;
        final String integrationId;
        final long startDate = System.currentTimeMillis();
        final String triggerSource;
        volatile SimTask task;
        volatile long endDate = -1;
        volatile Boolean success;
        volatile String message = "Run in progress";
        volatile boolean cancelled;

        Run(String id, String integrationId, String triggerSource) {
            this.id = id;
            this.integrationId = integrationId;
            this.triggerSource = triggerSource;
        }

        public String id() { return id; }
        public String integrationId() { return integrationId; }

        /** Null while running. */
        public Boolean success() {
            refresh();
            return success;
        }

        synchronized void refresh() {
            SimTask t = task;
            if (t == null || endDate >= 0) {
                return;
            }
            if (t.state() == TaskState.COMPLETE) {
                endDate = t.completedAtMillis();
                success = Boolean.TRUE.equals(t.successful());
                message = success ? "Integration completed successfully" : "Process completed with failures";
            } else if (t.state() == TaskState.CANCELLED) {
                endDate = t.completedAtMillis();
                success = false;
                message = "Run cancelled";
            }
        }

        boolean running() {
            refresh();
            return endDate < 0;
        }
    }

    final Map<String, Integration> integrations = new ConcurrentSkipListMap<>();
    final Map<String, Run> runs = new ConcurrentHashMap<>();
    final Map<String, Map<String, Object>> connections = new ConcurrentSkipListMap<>();
    final Set<String> failNext = ConcurrentHashMap.newKeySet();

    /** Adds an integration running a process of a model; returns its id. */
    public String addIntegration(String name, String workspaceId, String modelId, String processId) {
        String id = UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        addIntegration(id, name, workspaceId, modelId, processId);
        return id;
    }

    /** Adds an integration with a given id. */
    public void addIntegration(String id, String name, String workspaceId, String modelId, String processId) {
        integrations.put(id, new Integration(id, name, workspaceId, modelId, processId));
    }

    public List<Integration> integrations() {
        return new ArrayList<>(integrations.values());
    }

    /** Runs of an integration, oldest first. */
    public List<Run> runs(String integrationId) {
        List<Run> out = new ArrayList<>();
        for (Run r : runs.values()) {
            if (r.integrationId.equals(integrationId)) {
                out.add(r);
            }
        }
        out.sort((a, b) -> Long.compare(a.startDate, b.startDate));
        return out;
    }

    /** The next run of this integration fails (without a process, or on top of the process result). */
    public void failNextRun(String integrationId) {
        failNext.add(integrationId);
    }
}
