package io.github.camelanaplan.client.error;

/**
 * The authentication service rejected the credentials (or the token could not be renewed).
 */
public class AnaplanAuthenticationException extends AnaplanException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    public AnaplanAuthenticationException(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    public AnaplanAuthenticationException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = -1;
    }

    /** HTTP status of the auth service's answer, or -1 when no answer was received. */
    public int getHttpStatus() {
        return httpStatus;
    }
}
