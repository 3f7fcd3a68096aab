package io.github.camelanaplan.client.error;

/**
 * A non-idempotent request was sent but no answer came back (reset, read timeout, gateway error): the server may or
 * may not have acted on it.
 */
public class UnknownOutcomeException extends AnaplanException {

    private static final long serialVersionUID = 1L;

    public UnknownOutcomeException(String message, Throwable cause) {
        super(message, cause);
    }
}
