package io.github.camelanaplan.client.error;

/**
 * A successful answer that does not hold what the API promises: a known field of the wrong type, a list that is not a
 * list, or claims that contradict each other (a chunk list shorter than the file, a page that does not advance, a
 * task id other than the one asked for). Nothing of such an answer is returned to the caller.
 */
public class AnaplanProtocolException extends AnaplanApiException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param step       what the request was doing ("list files")
     * @param method     HTTP method
     * @param path       request path (no host, no query, no secret)
     * @param httpStatus the status of the answer
     * @param field      the field (JSON pointer or name) or claim at fault
     * @param problem    what is wrong with it, in words
     */
    public AnaplanProtocolException(String step, String method, String path, int httpStatus, String field,
                                    String problem) {
        this(step, method, path, httpStatus, field, problem, null);
    }

    public AnaplanProtocolException(String step, String method, String path, int httpStatus, String field,
                                    String problem, Throwable cause) {
        super(step + " failed: the answer to " + method + " " + path + " (HTTP " + httpStatus + ") is not what the API "
              + "promises: " + field + " " + problem, method, path, httpStatus, null, cause);
        this.field = field;
    }

    /** The field or claim at fault. */
    public String getField() {
        return field;
    }
}
