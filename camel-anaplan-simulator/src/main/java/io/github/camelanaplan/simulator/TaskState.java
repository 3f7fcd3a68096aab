package io.github.camelanaplan.simulator;

/** Anaplan task states (§5.8). */
public enum TaskState {
    NOT_STARTED, IN_PROGRESS, COMPLETE, CANCELLING, CANCELLED;

    public boolean terminal() {
        return this == COMPLETE || this == CANCELLED;
    }
}
