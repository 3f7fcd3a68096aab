package io.github.camelanaplan.client.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.hc.core5.http.HttpEntity;

/**
 * One logical HTTP request: what {@link RetryingCaller} sends, retries and replays. The body is a supplier so every
 * attempt gets a fresh entity.
 *
 * @param step          what the request does, for messages ("upload chunk 3 of file 113000000001")
 * @param method        HTTP method
 * @param url           absolute URL
 * @param headers       extra headers (never Authorization: the transport adds it)
 * @param body          body per attempt, or null
 * @param kind          retry safety
 * @param authenticated whether to send the token (false for the auth service's login calls)
 */
public record ApiCall(String step, String method, String url, Map<String, String> headers, Supplier<HttpEntity> body,
                      RequestKind kind, boolean authenticated) {

    public static ApiCall get(String step, String url) {
        return new ApiCall(step, "GET", url, Map.of("Accept", "application/json"), null, RequestKind.IDEMPOTENT, true);
    }

    public static ApiCall delete(String step, String url) {
        return new ApiCall(step, "DELETE", url, Map.of("Accept", "application/json"), null, RequestKind.IDEMPOTENT, true);
    }

    public ApiCall withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiCall(step, method, url, copy, body, kind, authenticated);
    }

    public ApiCall withKind(RequestKind newKind) {
        return new ApiCall(step, method, url, headers, body, newKind, authenticated);
    }

    public ApiCall unauthenticated() {
        return new ApiCall(step, method, url, headers, body, kind, false);
    }

    /** The URL's path, without scheme, host or query: safe for messages. */
    public String path() {
        int start = url.indexOf("://");
        int slash = start < 0 ? url.indexOf('/') : url.indexOf('/', start + 3);
        String path = slash < 0 ? "/" : url.substring(slash);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
