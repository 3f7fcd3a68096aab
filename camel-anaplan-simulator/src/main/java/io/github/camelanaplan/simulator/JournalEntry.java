package io.github.camelanaplan.simulator;

import java.util.Map;

/**
 * One request seen by the simulator. Headers are kept, but the Authorization value is reduced to its
 * scheme ("AnaplanAuthToken", "Basic", "CACertificate", "Bearer") so no secret is ever recorded.
 */
public final class JournalEntry {

    private final String method;
    private final String path;
    private final String query;
    private final Map<String, String> headers;
    private final String contentType;
    private final long requestBodySize;
    private final int status;
    private final long startNanos;
    private final long endNanos;
    private final int inFlightAtStart;
    private final TokenState tokenState;
    private final String faultApplied;
    private final long responseBodySize;
    private final String lieApplied;
    private final String honestBody;
    private final String servedBody;
    private final java.util.List<JsonMutation> mutations;

    JournalEntry(String method, String path, String query, Map<String, String> headers, String contentType,
            long requestBodySize, int status, long startNanos, long endNanos, int inFlightAtStart,
            TokenState tokenState, String faultApplied, long responseBodySize) {
        this(method, path, query, headers, contentType, requestBodySize, status, startNanos, endNanos, inFlightAtStart,
                tokenState, faultApplied, responseBodySize, null, null, null, java.util.List.of());
    }

    JournalEntry(String method, String path, String query, Map<String, String> headers, String contentType,
            long requestBodySize, int status, long startNanos, long endNanos, int inFlightAtStart,
            TokenState tokenState, String faultApplied, long responseBodySize, String lieApplied, String honestBody,
            String servedBody, java.util.List<JsonMutation> mutations) {
        this.lieApplied = lieApplied;
        this.honestBody = honestBody;
        this.servedBody = servedBody;
        this.mutations = java.util.List.copyOf(mutations);
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.contentType = contentType;
        this.requestBodySize = requestBodySize;
        this.status = status;
        this.startNanos = startNanos;
        this.endNanos = endNanos;
        this.inFlightAtStart = inFlightAtStart;
        this.tokenState = tokenState;
        this.faultApplied = faultApplied;
        this.responseBodySize = responseBodySize;
    }

    public String method() { return method; }
    /** Path without base URL and query, e.g. {@code /2/0/workspaces/.../files/113000000000/chunks/0}. */
    public String path() { return path; }
    /** Raw query string or null. */
    public String query() { return query; }
    /** Request headers (case-insensitive keys); Authorization reduced to its scheme. */
    public Map<String, String> headers() { return headers; }
    public String contentType() { return contentType; }
    public long requestBodySize() { return requestBodySize; }
    /** HTTP status sent, or -1 when the connection was closed without a response. */
    public int status() { return status; }
    public long startNanos() { return startNanos; }
    public long endNanos() { return endNanos; }
    /** Requests in flight (this one excluded) when this one arrived. */
    public int inFlightAtStart() { return inFlightAtStart; }
    public TokenState tokenState() { return tokenState; }
    /** Name of the fault applied to this request, or null. */
    public String faultApplied() { return faultApplied; }
    /** -1 when unknown (a never-ending answer). */
    public long responseBodySize() { return responseBodySize; }
    /** Name of the {@link Lie} told in this answer, or null. */
    public String lieApplied() { return lieApplied; }
    /** The honest JSON answer when a lie changed it (or, for a wire lie, the body trickled), else null. */
    public String honestBody() { return honestBody; }
    /** The JSON actually sent when a lie changed it, else null. */
    public String servedBody() { return servedBody; }
    /** What the lie changed in the honest answer (pointers into it); empty for wire lies and honest answers. */
    public java.util.List<JsonMutation> mutations() { return mutations; }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status
                + (faultApplied == null ? "" : " [fault " + faultApplied + "]")
                + (lieApplied == null ? "" : " [lie " + lieApplied + "]");
    }
}
