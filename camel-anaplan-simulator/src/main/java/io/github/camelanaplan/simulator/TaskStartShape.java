package io.github.camelanaplan.simulator;

/**
 * Shape of the response to {@code POST .../tasks} (anaplan-api.md §5.7, UNSURE #9).
 */
public enum TaskStartShape {
    /** {@code {"meta","status","task":{"taskId","taskState","creationTime"}}} - observed live. */
    FULL,
    /** {@code {"meta","status","task":{"taskId"}}}. */
    ID_ONLY,
    /** A bare {@code {"taskId":"..."}} as in the Postman process example. */
    BARE
}
