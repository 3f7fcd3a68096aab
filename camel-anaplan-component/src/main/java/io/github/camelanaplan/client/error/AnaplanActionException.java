package io.github.camelanaplan.client.error;

import java.util.Collections;
import java.util.Map;

import io.github.camelanaplan.client.bulk.TaskStatus;

/**
 * A task (import, export, process, action, ALM sync...) finished unsuccessfully, was cancelled or timed out.
 */
public class AnaplanActionException extends AnaplanException {

    private static final long serialVersionUID = 1L;

    private final transient TaskStatus taskStatus;
    private final Map<String, String> failureDumps;

    public AnaplanActionException(String message, TaskStatus taskStatus, Map<String, String> failureDumps) {
        super(message);
        this.taskStatus = taskStatus;
        this.failureDumps = failureDumps == null ? Map.of() : Collections.unmodifiableMap(failureDumps);
    }

    /** The last status read of the task (may be null when the task could not be started). */
    public TaskStatus getTaskStatus() {
        return taskStatus;
    }

    /** Object id → failure dump text: the import's own id, or each failed nested action of a process. */
    public Map<String, String> getFailureDumps() {
        return failureDumps;
    }

    /** The first failure dump, or null. */
    public String getFailureDump() {
        return failureDumps.isEmpty() ? null : failureDumps.values().iterator().next();
    }
}
