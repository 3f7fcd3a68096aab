package io.github.camelanaplan.client.error;

import java.util.Collections;
import java.util.Map;

import io.github.camelanaplan.client.bulk.TaskState;
import io.github.camelanaplan.client.bulk.TaskStatus;

/**
 * A task (import, export, process, action, ALM sync...) finished unsuccessfully, was cancelled or timed out;
 * {@link #getReason()} says which.
 */
public class AnaplanActionException extends AnaplanException {

    private static final long serialVersionUID = 1L;

    /** Why the task ended without success. */
    public enum Reason {
        /** It finished unsuccessfully. */
        FAILED,
        /** It finished successfully but rejected rows, and failOnWarnings is on. */
        REJECTED_ROWS,
        /** Someone cancelled it. */
        CANCELLED,
        /** The wait gave up after taskTimeout. */
        TIMED_OUT,
        /** The client closed while waiting; the task was cancelled when it could be. */
        SHUTDOWN
    }

    private final transient TaskStatus taskStatus;
    private final Map<String, String> failureDumps;
    private final Reason reason;

    /** A task that ended in {@code taskStatus}: CANCELLED reads as {@link Reason#CANCELLED}, anything else as FAILED. */
    public AnaplanActionException(String message, TaskStatus taskStatus, Map<String, String> failureDumps) {
        this(message, taskStatus, failureDumps,
                taskStatus != null && taskStatus.taskState() == TaskState.CANCELLED ? Reason.CANCELLED : Reason.FAILED);
    }

    public AnaplanActionException(String message, TaskStatus taskStatus, Map<String, String> failureDumps, Reason reason) {
        super(message);
        this.taskStatus = taskStatus;
        this.failureDumps = failureDumps == null ? Map.of() : Collections.unmodifiableMap(failureDumps);
        this.reason = java.util.Objects.requireNonNull(reason, "reason");
    }

    /** Why the task ended without success. */
    public Reason getReason() {
        return reason;
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
