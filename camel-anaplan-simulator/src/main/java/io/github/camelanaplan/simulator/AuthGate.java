package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Token checks for the API paths (Integration/ALM/transactional, Audit, CloudWorks). */
final class AuthGate {

    private final SimAuth auth;
    private final boolean envelope;

    AuthGate(SimAuth auth, boolean envelope) {
        this.auth = auth;
        this.envelope = envelope;
    }

    static boolean isAuditPath(String path) {
        return path.startsWith("/audit/");
    }

    static boolean needsToken(String path) {
        return path.startsWith("/2/0/") || path.equals("/2/0") || path.startsWith("/cloudworks/") || isAuditPath(path);
    }

    /** The token of an {@code AnaplanAuthToken} or {@code Bearer} Authorization header, or null. */
    static String token(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.trim();
        int sp = a.indexOf(' ');
        if (sp < 0) {
            return null;
        }
        String scheme = a.substring(0, sp);
        if (scheme.equalsIgnoreCase("AnaplanAuthToken") || scheme.equalsIgnoreCase("Bearer")) {
            return a.substring(sp + 1).trim();
        }
        return null;
    }

    static String scheme(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.trim();
        int sp = a.indexOf(' ');
        return sp < 0 ? a : a.substring(0, sp);
    }

    /** Throws a 401 when the request does not carry a valid token; returns the token otherwise. */
    String check(SimRequest req) {
        String authz = req.header("Authorization");
        String scheme = scheme(authz);
        boolean audit = isAuditPath(req.path());
        if (audit && (scheme == null || !scheme.equalsIgnoreCase("AnaplanAuthToken"))) {
            throw unauthorized(req, "No valid token header found for the request");
        }
        String token = token(authz);
        if (token == null) {
            throw unauthorized(req, "Unauthorized");
        }
        if (!auth.isTokenValid(token)) {
            throw unauthorized(req, "Unauthorized");
        }
        return token;
    }

    ApiException unauthorized(SimRequest req, String message) {
        if (isAuditPath(req.path())) {
            ObjectNode n = Json.object();
            n.put("status", "FAILURE_BAD_CREDENTIAL");
            n.put("statusMessage", message);
            return new ApiException(SimResponse.json(401, n));
        }
        if (!envelope) {
            return new ApiException(SimResponse.empty(401));
        }
        return new ApiException(SimResponse.json(401, Json.error(401, "Unauthorized", req.path())));
    }
}
