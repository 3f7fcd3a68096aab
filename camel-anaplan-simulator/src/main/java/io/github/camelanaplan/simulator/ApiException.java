package io.github.camelanaplan.simulator;

/** Thrown by handlers: becomes an error response with the §2.4 envelope (or a custom body). */
final class ApiException extends RuntimeException {

    final int status;
    final transient SimResponse response;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
        this.response = null;
    }

    ApiException(SimResponse response) {
        super("custom response " + response.status);
        this.status = response.status;
        this.response = response;
    }

    static ApiException notFound() {
        return new ApiException(404, "Not Found");
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }
}
