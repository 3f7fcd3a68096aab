package io.github.camelanaplan.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One incoming request as the endpoint handlers see it. The body is read lazily. */
final class SimRequest {

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> query;
    private final Map<String, String> headers;
    private final InputStream body;
    private final String baseUrl;
    private Map<String, String> pathParams = Map.of();
    private byte[] bodyBytes;
    private String token;

    SimRequest(String method, String path, String rawQuery, Map<String, String> headers, InputStream body, String baseUrl) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.query = parseQuery(rawQuery);
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        this.headers = Collections.unmodifiableMap(h);
        this.body = body;
        this.baseUrl = baseUrl;
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return q;
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k = decode(eq < 0 ? part : part.substring(0, eq));
            String v = eq < 0 ? "" : decode(part.substring(eq + 1));
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    String method() { return method; }
    String path() { return path; }
    String rawQuery() { return rawQuery; }
    String baseUrl() { return baseUrl; }

    String query(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    List<String> queryAll(String name) {
        return query.getOrDefault(name, List.of());
    }

    Map<String, List<String>> queryMap() { return query; }

    String header(String name) { return headers.get(name); }

    Map<String, String> headers() { return headers; }

    String contentType() {
        String ct = headers.get("Content-Type");
        if (ct == null) {
            return null;
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    String param(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalStateException("no path parameter " + name);
        }
        return v;
    }

    void pathParams(Map<String, String> p) { this.pathParams = p; }

    /** The token the caller authenticated with, set by the server before the handler runs. */
    String token() { return token; }

    void token(String t) { this.token = t; }

    InputStream bodyStream() { return body; }

    byte[] body() {
        if (bodyBytes == null) {
            try {
                bodyBytes = body.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bodyBytes;
    }

    String bodyText() { return new String(body(), StandardCharsets.UTF_8); }
}
