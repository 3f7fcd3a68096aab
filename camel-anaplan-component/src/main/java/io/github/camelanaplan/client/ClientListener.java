package io.github.camelanaplan.client;

import io.github.camelanaplan.client.bulk.ActionType;
import io.github.camelanaplan.client.bulk.TaskStatus;
import io.github.camelanaplan.client.transfer.UploadResult;

/**
 * Hears what a client did, for metrics and monitoring. Every method has a no-op default; implementations must be
 * quick and must not throw (an exception is logged and ignored). Register with
 * {@link AnaplanClient#addListener(ClientListener)}.
 */
public interface ClientListener {

    /** How a waited-for task ended; a failure's {@code AnaplanActionException.Reason} decides it, never its wording. */
    enum TaskOutcome {
        /** Finished and reported successful (rows may still have been ignored when failOnWarnings is off). */
        SUCCESS,
        /** Finished unsuccessfully, or successfully with rejected rows and failOnWarnings on. */
        FAILED,
        /** Cancelled (by someone: reason CANCELLED, or by the client shutting down: reason SHUTDOWN). */
        CANCELLED,
        /** Given up after taskTimeout. */
        TIMED_OUT,
        /** No terminal state was seen: the start or a status poll failed. */
        ERROR
    }

    /**
     * A task that the client started and waited for ended.
     *
     * @param modelId       the model it ran in
     * @param type          import, export, process or action
     * @param actionId      the action's id
     * @param outcome       how it ended
     * @param status        its last known status (with the result and row counts when terminal), or null
     * @param durationNanos from just before the start request to the end of waiting
     */
    default void taskFinished(String modelId, ActionType type, String actionId, TaskOutcome outcome, TaskStatus status,
                              long durationNanos) {
    }

    /**
     * An upload into a server file completed (all chunks accepted).
     *
     * @param durationNanos from the first chunk to the completion call
     */
    default void uploadFinished(String modelId, String fileId, UploadResult result, long durationNanos) {
    }

    /** A request is about to be sent again; the cause as counted in {@link ClientStats#retriesByCause()}. */
    default void retried(String cause) {
    }

    /** An upload failed; nothing was imported from it. */
    default void uploadFailed(String modelId, String fileId, RuntimeException failure, long durationNanos) {
    }
}
