package io.github.camelanaplan.client.http;

/** Why an attempt is retried; {@link #label(int)} is what stats, listeners and logs show. */
public enum RetryCause {
    /** The connection could not be opened: the request never left. */
    CONNECTION_REFUSED,
    /** No answer byte within the timeout. */
    READ_TIMEOUT,
    /** The connection broke before an answer came. */
    CONNECTION_RESET,
    /** A 2xx whose body could not be read as an API answer (HTML page, empty JSON, cut off). */
    MALFORMED_RESPONSE,
    /** A 2xx JSON answer that did not end within the timeout (a trickle). */
    SLOW_ANSWER,
    /** 429 or 503: the server did not act on it. */
    SERVER_BUSY,
    /** 500, 502, 504. */
    SERVER_ERROR,
    /** 409 or 423 on a task start: another task runs on the model. */
    MODEL_BUSY;

    /** "HTTP 503", "model busy (HTTP 409)", "read timeout"... */
    public String label(int status) {
        switch (this) {
            case SERVER_BUSY:
            case SERVER_ERROR:
                return "HTTP " + status;
            case MODEL_BUSY:
                return "model busy (HTTP " + status + ")";
            default:
                return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }
}
