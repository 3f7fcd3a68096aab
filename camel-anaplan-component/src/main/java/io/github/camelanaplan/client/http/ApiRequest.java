package io.github.camelanaplan.client.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.hc.core5.http.HttpEntity;

/**
 * One logical HTTP request: what {@link Transport} sends, retries and replays. Immutable; built only through
 * {@link Builder}, which percent-encodes every path segment as exactly one segment ({@link ApiPath}) and every query
 * name and value, so no id can change which resource a request reaches. The body is produced per attempt: a JSON
 * value serialised by {@link Json} each time, or an entity supplier for streams and chunks.
 * <p>
 * Defaults: {@code Accept: application/json}; authenticated; GET, PUT and DELETE {@link RequestKind#IDEMPOTENT},
 * POST {@link RequestKind#NON_IDEMPOTENT} (the safe guess for a request that may create something).
 */
public final class ApiRequest {

    /** The Accept header every request starts with. */
    public static final String DEFAULT_ACCEPT = "application/json";

    private final String step;
    private final String method;
    private final ApiPath target;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, String> headers;
    private final Supplier<HttpEntity> body;
    private final RequestKind kind;
    private final boolean authenticated;

    private ApiRequest(Builder b) {
        this.step = b.step;
        this.method = b.method;
        this.target = b.target;
        this.query = Collections.unmodifiableList(new ArrayList<>(b.query));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.body = b.body;
        this.kind = b.kind != null ? b.kind : "POST".equals(b.method) ? RequestKind.NON_IDEMPOTENT : RequestKind.IDEMPOTENT;
        this.authenticated = b.authenticated;
    }

    public static Builder get(ApiPath target) {
        return new Builder("GET", target);
    }

    public static Builder get(String rootUrl) {
        return get(ApiPath.root(rootUrl));
    }

    public static Builder post(ApiPath target) {
        return new Builder("POST", target);
    }

    public static Builder post(String rootUrl) {
        return post(ApiPath.root(rootUrl));
    }

    public static Builder put(ApiPath target) {
        return new Builder("PUT", target);
    }

    public static Builder delete(ApiPath target) {
        return new Builder("DELETE", target);
    }

    /** A builder for another method (upper case). */
    public static Builder method(String method, ApiPath target) {
        return new Builder(method, target);
    }

    /** A builder starting from this request: same method, path, query, headers, body, kind and step. */
    public Builder toBuilder() {
        Builder b = new Builder(method, target);
        b.step = step;
        b.query.addAll(query);
        b.headers.clear();
        b.headers.putAll(headers);
        b.body = body;
        b.kind = kind;
        b.authenticated = authenticated;
        return b;
    }

    /** What the request does, for messages ("upload chunk 3 of file 113000000001"). */
    public String step() {
        return step;
    }

    public String method() {
        return method;
    }

    /** The resource: root and segments, without query. */
    public ApiPath target() {
        return target;
    }

    /** The absolute URL: root, encoded segments, encoded query. */
    public String url() {
        String url = target.url();
        return query.isEmpty() ? url : url + "?" + queryString();
    }

    /** The encoded query without {@code ?}, or an empty string. */
    public String queryString() {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> p : query) {
            if (q.length() > 0) {
                q.append('&');
            }
            q.append(ApiPath.encodeQuery(p.getKey())).append('=').append(ApiPath.encodeQuery(p.getValue()));
        }
        return q.toString();
    }

    /** The query parameters as given (not encoded), in order. */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    /** The encoded path, without scheme, host or query: safe for messages. */
    public String path() {
        return target.path();
    }

    /** Headers to send (Authorization only on unauthenticated auth-service calls: the transport adds the token). */
    public Map<String, String> headers() {
        return headers;
    }

    /** A fresh body per attempt, or null. */
    public Supplier<HttpEntity> body() {
        return body;
    }

    public RequestKind kind() {
        return kind;
    }

    /** Whether the transport sends the token (false for the auth service's own calls). */
    public boolean authenticated() {
        return authenticated;
    }

    @Override
    public String toString() {
        return step + " (" + method + " " + path() + ")";
    }

    /** Collects a request; {@link #build()} checks it. Not thread-safe; one builder per request. */
    public static final class Builder {
        private final String method;
        private ApiPath target;
        private String step;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Supplier<HttpEntity> body;
        private RequestKind kind;
        private boolean authenticated = true;

        private Builder(String method, ApiPath target) {
            if (method == null || method.isBlank()) {
                throw new IllegalArgumentException("an API request needs a method");
            }
            this.method = method;
            this.target = Objects.requireNonNull(target, "target");
            headers.put("Accept", DEFAULT_ACCEPT);
        }

        /** What the request does, named in every message about it. Required. */
        public Builder step(String text) {
            this.step = text;
            return this;
        }

        /** Appends one path segment, encoded as exactly one segment whatever it holds. */
        public Builder segment(String segment) {
            target = target.then(segment);
            return this;
        }

        /** Appends path segments, each encoded as exactly one segment. */
        public Builder segments(String... segments) {
            target = target.then(segments);
            return this;
        }

        /** Adds a query parameter (name and value encoded); a null value leaves the parameter out. */
        public Builder query(String name, Object value) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a query parameter needs a name");
            }
            if (value != null) {
                query.add(Map.entry(name, String.valueOf(value)));
            }
            return this;
        }

        /** Sets (or with a null value removes) a header. */
        public Builder header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        /** Replaces the Accept header. */
        public Builder accept(String mediaType) {
            return header("Accept", mediaType);
        }

        /** A JSON body: {@code value} (a record, list or map) serialised by {@link Json} for each attempt. */
        public Builder json(Object value) {
            Objects.requireNonNull(value, "JSON body");
            this.body = () -> Json.entity(value);
            return this;
        }

        /** A body produced fresh for each attempt (chunks, streams). */
        public Builder entity(Supplier<HttpEntity> entity) {
            this.body = Objects.requireNonNull(entity, "entity");
            return this;
        }

        public Builder kind(RequestKind requestKind) {
            this.kind = Objects.requireNonNull(requestKind, "kind");
            return this;
        }

        /** No token is sent (the auth service's login, refresh and logout calls carry their own Authorization). */
        public Builder unauthenticated() {
            this.authenticated = false;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the step when a path segment is null or empty
         * @throws IllegalStateException    when no step was given (a programming error)
         */
        public ApiRequest build() {
            if (step == null || step.isBlank()) {
                throw new IllegalStateException("an API request needs a step (" + method + " " + target.path() + ")");
            }
            List<String> segments = target.segments();
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                if (segment == null || segment.isEmpty()) {
                    String before = String.join("/", segments.subList(0, i));
                    throw new IllegalArgumentException(step + ": the path segment after '" + before + "' is "
                                                       + (segment == null ? "null" : "empty")
                                                       + " (an id or name is missing)");
                }
            }
            return new ApiRequest(this);
        }
    }
}
