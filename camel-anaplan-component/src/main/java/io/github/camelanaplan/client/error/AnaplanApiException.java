package io.github.camelanaplan.client.error;

/**
 * An Anaplan API answered with an unsuccessful HTTP status (after any retries).
 */
public class AnaplanApiException extends AnaplanException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String statusMessage;
    private final String method;
    private final String path;

    public AnaplanApiException(String step, String method, String path, int httpStatus, String statusMessage) {
        super(step + " failed: HTTP " + httpStatus + (statusMessage == null || statusMessage.isBlank() ? "" : " " + statusMessage)
              + " (" + method + " " + path + ")");
        this.httpStatus = httpStatus;
        this.statusMessage = statusMessage;
        this.method = method;
        this.path = path;
    }

    /** For subclasses that word their own message. */
    protected AnaplanApiException(String message, String method, String path, int httpStatus, String statusMessage,
                                  Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.statusMessage = statusMessage;
        this.method = method;
        this.path = path;
    }

    /** The HTTP status code of the final answer. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** The status message Anaplan put in its error envelope, when there was one. */
    public String getStatusMessage() {
        return statusMessage;
    }

    public String getMethod() {
        return method;
    }

    /** The request path (no host, no query string, no secret). */
    public String getPath() {
        return path;
    }
}
