package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The OAuth 2.0 token endpoint (§4.3): refresh_token grant with JSON or form bodies. */
final class OAuthEndpoints {

    private final SimAuth auth;
    private final String userId;

    OAuthEndpoints(SimAuth auth, String userId) {
        this.auth = auth;
        this.userId = userId;
    }

    void register(Router r) {
        r.add("POST", "/oauth/token", this::token);
    }

    private static SimResponse error(int status, String error, String description) {
        ObjectNode n = Json.object();
        n.put("error", error);
        n.put("error_description", description);
        return SimResponse.json(status, n);
    }

    private SimResponse token(SimRequest req) {
        Map<String, String> p = new HashMap<>();
        String ct = req.contentType();
        if (ct != null && ct.contains("x-www-form-urlencoded")) {
            for (Map.Entry<String, List<String>> e : SimRequest.parseQuery(req.bodyText()).entrySet()) {
                p.put(e.getKey(), e.getValue().get(0));
            }
        } else {
            JsonNode n = req.body().length == 0 ? null : Json.parse(req.body());
            if (n == null || !n.isObject()) {
                return error(400, "invalid_request", "Expected a JSON or form-urlencoded body");
            }
            n.fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
        }
        String grant = p.get("grant_type");
        if (!"refresh_token".equals(grant)) {
            return error(400, "unsupported_grant_type", "Only the refresh_token grant is simulated");
        }
        SimAuth.OAuthResult r = auth.oauthRefresh(p.get("client_id"), p.get("client_secret"), p.get("refresh_token"), userId);
        if (r.status != 200) {
            return error(r.status, r.error, r.description);
        }
        ObjectNode n = Json.object();
        n.put("access_token", r.access.value);
        n.put("refresh_token", r.refreshToken);
        n.put("scope", "openid email offline_access");
        n.put("expires_in", auth.tokenTtl().toSeconds());
        n.put("token_type", "Bearer");
        return SimResponse.json(200, n);
    }
}
