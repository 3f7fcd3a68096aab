package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One run of an import/export/process/action, as the simulator tracks it. */
public final class SimTask {

    private final String taskId;
    private final String actionId;
    private final String modelId;
    final ActionKind kind;
    private final long creationTime;
    private final String localeName;
    private final List<Map<String, String>> mappingParameters;
    private final boolean dataSourceCompleteAtStart;
    private volatile TaskState state = TaskState.NOT_STARTED;
    private volatile long completedAtNanos = -1;
    private volatile long completedAtMillis = -1;
    private volatile ObjectNode result;
    private volatile Boolean successful;
    private volatile boolean failureDumpAvailable;
    private volatile String currentStep = "Queued.";
    /** Failure dumps by object id (the import itself, or nested process actions). */
    final Map<String, byte[]> dumps = new ConcurrentHashMap<>();

    SimTask(String taskId, String actionId, String modelId, ActionKind kind, String localeName,
            List<Map<String, String>> mappingParameters, boolean dataSourceCompleteAtStart) {
        this.taskId = taskId;
        this.actionId = actionId;
        this.modelId = modelId;
        this.kind = kind;
        this.creationTime = System.currentTimeMillis();
        this.localeName = localeName;
        this.mappingParameters = mappingParameters;
        this.dataSourceCompleteAtStart = dataSourceCompleteAtStart;
    }

    public String taskId() { return taskId; }
    public String actionId() { return actionId; }
    public String modelId() { return modelId; }
    public TaskState state() { return state; }
    /** Epoch milliseconds. */
    public long creationTime() { return creationTime; }
    public String localeName() { return localeName; }
    public List<Map<String, String>> mappingParameters() { return mappingParameters; }
    /** Whether the data source file(s) of the import (or of the process's imports) were fully uploaded at task start. */
    public boolean dataSourceCompleteAtStart() { return dataSourceCompleteAtStart; }
    /** System.nanoTime() when the task became terminal, -1 before. */
    public long completedAtNanos() { return completedAtNanos; }
    /** Epoch milliseconds when the task became terminal, -1 before. */
    public long completedAtMillis() { return completedAtMillis; }
    /** Null until COMPLETE. */
    public Boolean successful() { return successful; }
    public boolean failureDumpAvailable() { return failureDumpAvailable; }
    public String currentStep() { return currentStep; }

    /** The {@code result} JSON (null until terminal). */
    public String resultJson() {
        ObjectNode r = result;
        return r == null ? null : r.toString();
    }

    ObjectNode result() { return result; }

    synchronized boolean transition(TaskState from, TaskState to) {
        if (state != from) {
            return false;
        }
        state = to;
        currentStep = to == TaskState.IN_PROGRESS ? "Running." : to == TaskState.CANCELLING ? "Cancelling." : currentStep;
        return true;
    }

    /** Moves a non-terminal task to CANCELLING; false when it is already terminal or cancelling. */
    synchronized boolean cancel() {
        if (state == TaskState.NOT_STARTED || state == TaskState.IN_PROGRESS) {
            state = TaskState.CANCELLING;
            currentStep = "Cancelling.";
            return true;
        }
        return false;
    }

    synchronized void cancelled() {
        if (state == TaskState.CANCELLING) {
            state = TaskState.CANCELLED;
            currentStep = "Cancelled.";
            completedAtNanos = System.nanoTime();
            completedAtMillis = System.currentTimeMillis();
        }
    }

    /** Completes an IN_PROGRESS task; false when it was cancelled meanwhile. */
    synchronized boolean complete(ObjectNode result, boolean ok, boolean dump) {
        if (state != TaskState.IN_PROGRESS) {
            return false;
        }
        this.result = result;
        this.successful = ok;
        this.failureDumpAvailable = dump;
        this.currentStep = ok ? "Complete." : "Failed.";
        this.state = TaskState.COMPLETE;
        this.completedAtNanos = System.nanoTime();
        this.completedAtMillis = System.currentTimeMillis();
        return true;
    }

    double progress() {
        switch (state) {
            case COMPLETE:
            case CANCELLED:
                return 1.0;
            case IN_PROGRESS:
                return 0.5;
            default:
                return 0.0;
        }
    }

    @Override
    public String toString() {
        return "SimTask[" + taskId + " " + actionId + " " + state + "]";
    }
}
