package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** ALM state of a model: the revisions it holds, online status and ALM tasks. */
final class AlmData {

    /** A revision, shared by every model it was applied to. */
    static final class Revision {
        final String id;
        final String name;
        final String description;
        final long createdOn;
        final String createdBy;
        final String creationMethod;
        final String sourceModelId;

        Revision(String id, String name, String description, long createdOn, String createdBy, String creationMethod, String sourceModelId) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.createdOn = createdOn;
            this.createdBy = createdBy;
            this.creationMethod = creationMethod;
            this.sourceModelId = sourceModelId;
        }
    }

    /** A revision as held by one model: when and how it got there. */
    static final class Held {
        final Revision revision;
        final long appliedOn;
        final String appliedBy;
        final String appliedMethod;

        Held(Revision revision, long appliedOn, String appliedBy, String appliedMethod) {
            this.revision = revision;
            this.appliedOn = appliedOn;
            this.appliedBy = appliedBy;
            this.appliedMethod = appliedMethod;
        }
    }

    /** A sync, comparison report or summary report task. */
    static final class AlmTask {
        final String taskId;
        final String kind;
        final long creationTime;
        final String sourceModelId;
        final String sourceRevisionId;
        final String targetRevisionId;
        volatile TaskState state = TaskState.IN_PROGRESS;
        volatile ObjectNode result;

        AlmTask(String taskId, String kind, String sourceModelId, String sourceRevisionId, String targetRevisionId) {
            this.taskId = taskId;
            this.kind = kind;
            this.creationTime = System.currentTimeMillis();
            this.sourceModelId = sourceModelId;
            this.sourceRevisionId = sourceRevisionId;
            this.targetRevisionId = targetRevisionId;
        }
    }

    final List<Held> revisions = new CopyOnWriteArrayList<>();
    final Map<String, AlmTask> tasks = new ConcurrentHashMap<>();
    /** "target|source" of finished comparison / summary reports. */
    final Map<String, Boolean> comparisonReports = new ConcurrentHashMap<>();
    final Map<String, Boolean> summaryReports = new ConcurrentHashMap<>();
    volatile boolean online = true;

    Held latest() {
        Held latest = null;
        for (Held h : revisions) {
            if (latest == null || h.appliedOn >= latest.appliedOn) {
                latest = h;
            }
        }
        return latest;
    }

    Held find(String revisionId) {
        for (Held h : revisions) {
            if (h.revision.id.equals(revisionId)) {
                return h;
            }
        }
        return null;
    }

    List<AlmTask> tasks(String kind) {
        List<AlmTask> out = new ArrayList<>();
        for (AlmTask t : tasks.values()) {
            if (t.kind.equals(kind)) {
                out.add(t);
            }
        }
        out.sort((a, b) -> Long.compare(a.creationTime, b.creationTime));
        return out;
    }
}
