package io.github.camelanaplan.client.http;

import io.github.camelanaplan.client.error.UnknownOutcomeException;

/**
 * How safe a request is to send again when its outcome is unknown. Drives {@link RetryPolicy}'s decisions.
 */
public enum RequestKind {
    /**
     * Sending it twice has the effect of sending it once (GET, chunk PUT, DELETE, setting a chunk count): retried
     * after a reset or read timeout too.
     */
    IDEMPOTENT,
    /**
     * Like {@link #IDEMPOTENT}, but not sent again after a read timeout: a first request that was only slow could still
     * land later and undo what came after it (a chunk-count POST arriving after the chunks resets the file).
     */
    IDEMPOTENT_UNLESS_SLOW,
    /**
     * Must not run twice (creating things, rotating a refresh token): retried only when the server certainly did not
     * act on it (connection refused, 429, 503).
     */
    NON_IDEMPOTENT,
    /**
     * A task start: like {@link #NON_IDEMPOTENT}, but an unknown outcome is reported as
     * {@link UnknownOutcomeException} so the caller can look for the task in the task list before starting another.
     * "Model busy" (409/423) is retried.
     */
    TASK_START
}
