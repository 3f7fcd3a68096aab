package io.github.camelanaplan.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records protocol misuse. In strict mode every violation is kept and the request answered 400. */
final class StrictMode {

    private final boolean strict;
    private final SimAuth auth;
    private final List<String> violations = new CopyOnWriteArrayList<>();

    StrictMode(boolean strict, SimAuth auth) {
        this.strict = strict;
        this.auth = auth;
    }

    boolean enabled() {
        return strict;
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    /** Records a violation (in strict mode) and returns the 400 to throw. */
    ApiException violation(SimRequest req, String reason) {
        if (strict) {
            violations.add(req.method() + " " + req.path() + ": " + reason);
        }
        return ApiException.badRequest(reason);
    }

    /** Records a violation that is rejected with 400 only in strict mode; returns null when lenient. */
    ApiException strictOnly(SimRequest req, String reason) {
        return strict ? violation(req, reason) : null;
    }

    /** Checks common to all requests: secrets in the query string or in headers other than Authorization. */
    String checkSecrets(SimRequest req) {
        if (!strict) {
            return null;
        }
        StringBuilder where = new StringBuilder();
        String q = req.rawQuery();
        if (q != null) {
            where.append(q).append('\n').append(SimRequest.decode(q)).append('\n');
        }
        StringBuilder headers = new StringBuilder();
        for (Map.Entry<String, String> h : req.headers().entrySet()) {
            if (!h.getKey().equalsIgnoreCase("Authorization")) {
                headers.append(h.getValue()).append('\n');
            }
        }
        if (headers.toString().toUpperCase(Locale.ROOT).contains("PRIVATE KEY")
                || where.toString().toUpperCase(Locale.ROOT).contains("PRIVATE KEY")) {
            return "a private key appears in the query string or a header";
        }
        String all = where.toString() + headers;
        for (String secret : auth.secrets()) {
            if (secret.length() >= 4 && all.contains(secret)) {
                return (where.indexOf(secret) >= 0 ? "a secret appears in the query string" : "a secret appears in a header");
            }
        }
        return null;
    }
}
