package io.github.camelanaplan.client.error;

/**
 * Root of every error the Anaplan client and the Camel component raise. Messages never carry a token,
 * password, key or other secret.
 */
public class AnaplanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AnaplanException(String message) {
        super(message);
    }

    public AnaplanException(String message, Throwable cause) {
        super(message, cause);
    }
}
