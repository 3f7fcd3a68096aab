package io.github.camelanaplan.client.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelanaplan.client.error.AnaplanApiException;
import io.github.camelanaplan.client.error.AnaplanAuthenticationException;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.http.ApiCall;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.RequestKind;
import io.github.camelanaplan.client.http.RetryingCaller;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls of Anaplan's authentication service ({@code /token/*}) and OAuth service ({@code /oauth/token}).
 * Failures name the service's status message, never a credential.
 */
public final class AuthService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);

    private final RetryingCaller transport;
    private final String authUrl;
    private final String oauthUrl;

    public AuthService(RetryingCaller transport, String authUrl, String oauthUrl) {
        this.transport = transport;
        this.authUrl = authUrl;
        this.oauthUrl = oauthUrl;
    }

    /** {@code POST /token/authenticate} with the given Authorization header and optional JSON body. */
    public Token authenticate(String authorization, byte[] jsonBody) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        headers.put("Accept", "application/json");
        ApiCall call = new ApiCall("authenticate", "POST", authUrl + "/token/authenticate", headers,
                jsonBody == null ? null : () -> new ByteArrayEntity(jsonBody, ContentType.APPLICATION_JSON),
                RequestKind.IDEMPOTENT, false);
        try {
            return token(transport.execute(call, Json.tree()), "authenticate");
        } catch (AnaplanApiException e) {
            throw new AnaplanAuthenticationException("Anaplan rejected the login: HTTP " + e.getHttpStatus()
                                                     + (e.getStatusMessage() == null ? "" : " " + e.getStatusMessage()),
                    e.getHttpStatus());
        }
    }

    /** {@code POST /token/refresh}; null when the token can no longer be refreshed (401). */
    public Token refresh(Token current) {
        ApiCall call = new ApiCall("refresh token", "POST", authUrl + "/token/refresh",
                Map.of("Authorization", "AnaplanAuthToken " + current.value(), "Accept", "application/json"), null,
                RequestKind.IDEMPOTENT, false);
        try {
            return token(transport.execute(call, Json.tree()), "refresh token");
        } catch (AnaplanApiException e) {
            if (e.getHttpStatus() == 401 || e.getHttpStatus() == 400) {
                return null;
            }
            throw e;
        }
    }

    /** {@code POST /token/logout}; failures are only logged: the token expires anyway. */
    public void logout(Token token) {
        ApiCall call = new ApiCall("logout", "POST", authUrl + "/token/logout",
                Map.of("Authorization", "AnaplanAuthToken " + token.value()), null, RequestKind.IDEMPOTENT, false);
        try {
            transport.execute(call, Json.discard());
        } catch (AnaplanException e) {
            LOG.debug("Logout failed, the token will expire on its own: {}", e.getMessage());
        }
    }

    /** OAuth refresh-token grant. Not retried once sent: a rotated refresh token must not be spent twice. */
    public OAuthTokens oauthRefresh(String clientId, String clientSecret, String refreshToken) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "refresh_token");
        body.put("client_id", clientId);
        body.put("refresh_token", refreshToken);
        if (clientSecret != null) {
            body.put("client_secret", clientSecret);
        }
        ApiCall call = new ApiCall("OAuth refresh", "POST", oauthUrl + "/oauth/token", Map.of("Accept", "application/json"),
                () -> Json.entity(body), RequestKind.NON_IDEMPOTENT, false);
        JsonNode node;
        try {
            node = transport.execute(call, Json.tree());
        } catch (AnaplanApiException e) {
            throw new AnaplanAuthenticationException("Anaplan OAuth service rejected the refresh token: HTTP "
                                                     + e.getHttpStatus()
                                                     + (e.getStatusMessage() == null ? "" : " " + e.getStatusMessage()),
                    e.getHttpStatus());
        }
        String access = node.path("access_token").asText(null);
        if (access == null) {
            throw new AnaplanAuthenticationException("OAuth answer holds no access_token", 200);
        }
        long now = System.currentTimeMillis();
        long expiresIn = node.path("expires_in").asLong(2100);
        return new OAuthTokens(new Token(access, now + expiresIn * 1000, now), node.path("refresh_token").asText(null));
    }

    private static Token token(JsonNode node, String step) {
        JsonNode info = node.path("tokenInfo");
        String value = info.path("tokenValue").asText(null);
        if (value == null || value.isEmpty()) {
            throw new AnaplanAuthenticationException(step + ": the auth service answered without a token ("
                                                     + node.path("statusMessage").asText("no status message") + ")", 200);
        }
        long now = System.currentTimeMillis();
        long expiresAt = info.path("expiresAt").asLong(now + 35 * 60_000L);
        return new Token(value, expiresAt, now);
    }

    /** What the OAuth service returned: the access token and, with rotating clients, the next refresh token. */
    public record OAuthTokens(Token accessToken, String refreshToken) {
        @Override
        public String toString() {
            return "OAuthTokens[" + accessToken + "]";
        }
    }
}
