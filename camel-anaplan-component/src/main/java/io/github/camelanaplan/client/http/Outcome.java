package io.github.camelanaplan.client.http;

import io.github.camelanaplan.client.error.AnaplanApiException;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.error.UnknownOutcomeException;

/**
 * What one attempt gave: the facts {@link RetryPolicy} decides on, and the exception that describes it when the call
 * fails with it.
 */
public final class Outcome<T> {

    /** How an attempt ended. */
    public enum Type {
        /** A 2xx read as expected. */
        SUCCESS,
        /** A non-2xx answer. */
        ERROR,
        /** The connection could not be opened: the server never saw the request. */
        NOT_SENT,
        /** Sent, no answer (read timeout or reset): the server may or may not have acted. */
        UNKNOWN,
        /** A 2xx whose body is not an API answer. */
        MALFORMED,
        /** A 2xx answer read into memory that did not end within the timeout. */
        TOO_SLOW,
        /** Nothing a retry can change (TLS mismatch, unknown host, an answer over maxResponseSize). */
        FATAL
    }

    private final Type type;
    private final T value;
    private final int status;
    private final String message;
    private final String retryAfter;
    private final Throwable cause;
    private final RetryCause unknownCause;
    private final String tokenUsed;
    private final AnaplanException fatal;

    private Outcome(Type type, T value, int status, String message, String retryAfter, Throwable cause,
                    RetryCause unknownCause, String tokenUsed, AnaplanException fatal) {
        this.type = type;
        this.value = value;
        this.status = status;
        this.message = message;
        this.retryAfter = retryAfter;
        this.cause = cause;
        this.unknownCause = unknownCause;
        this.tokenUsed = tokenUsed;
        this.fatal = fatal;
    }

    static <T> Outcome<T> success(T value, int status) {
        return new Outcome<>(Type.SUCCESS, value, status, null, null, null, null, null, null);
    }

    /** @param retryAfter the Retry-After header as sent, or null */
    static <T> Outcome<T> error(int status, String message, String retryAfter, String token) {
        return new Outcome<>(Type.ERROR, null, status, message, retryAfter, null, null, token, null);
    }

    static <T> Outcome<T> notSent(Throwable cause, String token) {
        return new Outcome<>(Type.NOT_SENT, null, -1, null, null, cause, null, token, null);
    }

    /** @param what {@link RetryCause#READ_TIMEOUT} or {@link RetryCause#CONNECTION_RESET} */
    static <T> Outcome<T> unknown(Throwable cause, RetryCause what, String token) {
        return new Outcome<>(Type.UNKNOWN, null, -1, null, null, cause, what, token, null);
    }

    static <T> Outcome<T> malformed(int status, Throwable cause, String token) {
        return new Outcome<>(Type.MALFORMED, null, status, null, null, cause, null, token, null);
    }

    static <T> Outcome<T> tooSlow(int status, Throwable cause, String token) {
        return new Outcome<>(Type.TOO_SLOW, null, status, null, null, cause, null, token, null);
    }

    static <T> Outcome<T> fatal(AnaplanException e) {
        return new Outcome<>(Type.FATAL, null, -1, null, null, e, null, null, e);
    }

    public Type type() {
        return type;
    }

    public boolean isSuccess() {
        return type == Type.SUCCESS;
    }

    public T value() {
        return value;
    }

    /** HTTP status, or -1 when no answer came. */
    public int status() {
        return status;
    }

    /** The Retry-After header of an error answer as sent, or null. */
    public String retryAfter() {
        return retryAfter;
    }

    /** For {@link Type#UNKNOWN}: read timeout or connection reset. */
    public RetryCause unknownCause() {
        return unknownCause;
    }

    /** The token the attempt presented (to renew exactly that one after a 401). */
    public String tokenUsed() {
        return tokenUsed;
    }

    /** The exception the call fails with when this is its last outcome; {@code why}, when given, is appended. */
    public AnaplanException failure(ApiRequest call, String why) {
        String suffix = why == null ? "" : "; " + why;
        switch (type) {
            case ERROR:
                String statusMessage = message == null && why != null ? why : message == null ? null : message + suffix;
                AnaplanApiException error = new AnaplanApiException(call.step(), call.method(), call.path(), status,
                        statusMessage);
                if (call.kind() == RequestKind.TASK_START && (status == 500 || status == 502 || status == 504)) {
                    // a gateway error may come after the server acted: the caller looks in the task list
                    return new UnknownOutcomeException(error.getMessage() + "; the server may have acted on it", error);
                }
                if (call.kind() == RequestKind.NON_IDEMPOTENT && (status == 500 || status == 502 || status == 504)) {
                    return new AnaplanApiException(call.step(), call.method(), call.path(), status,
                            (statusMessage == null ? "" : statusMessage + "; ") + "not sent again: the server may have acted on it");
                }
                return error;
            case NOT_SENT:
                return new AnaplanException(call.step() + " failed: could not connect (" + call.method() + " "
                                            + call.path() + "): " + cause.getMessage() + suffix, cause);
            case UNKNOWN:
                String text = call.step() + " failed: " + unknownCause.label(-1) + " (" + call.method() + " "
                              + call.path() + "): " + cause.getMessage() + suffix;
                return call.kind() == RequestKind.IDEMPOTENT ? new AnaplanException(text, cause)
                        : new UnknownOutcomeException(text + "; the server may still act on it", cause);
            case MALFORMED:
            case TOO_SLOW:
                String malformed = call.step() + " failed: " + (type == Type.TOO_SLOW ? "too slow" : "malformed")
                                   + " response to " + call.method() + " " + call.path() + " (HTTP " + status + "): "
                                   + cause.getMessage() + suffix;
                return call.kind() == RequestKind.TASK_START ? new UnknownOutcomeException(malformed, cause)
                        : new AnaplanException(malformed, cause);
            default:
                return fatal;
        }
    }
}
