package io.github.camelanaplan.client.bulk;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** State of an Anaplan task. COMPLETE and CANCELLED are terminal; values unknown to this version read as UNKNOWN. */
public enum TaskState {
    NOT_STARTED,
    IN_PROGRESS,
    COMPLETE,
    CANCELLING,
    CANCELLED,
    @JsonEnumDefaultValue
    UNKNOWN;

    public boolean isTerminal() {
        return this == COMPLETE || this == CANCELLED;
    }
}
