package io.github.camelanaplan.client.auth;


import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelanaplan.client.error.AnaplanApiException;
import io.github.camelanaplan.client.error.AnaplanAuthenticationException;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.http.ApiPath;
import io.github.camelanaplan.client.http.ApiRequest;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.RequestKind;
import io.github.camelanaplan.client.http.RetryingCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls of Anaplan's authentication service ({@code /token/*}) and OAuth service ({@code /oauth/token}).
 * Failures name the service's status message, never a credential.
 */
public final class AuthService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);

    private final RetryingCaller transport;
    private final ApiPath authUrl;
    private final ApiPath oauthUrl;

    public AuthService(RetryingCaller transport, String authUrl, String oauthUrl) {
        this.transport = transport;
        this.authUrl = ApiPath.root(authUrl);
        this.oauthUrl = ApiPath.root(oauthUrl);
    }

    /** {@code POST /token/authenticate} with the given Authorization header and optional JSON body (a record). */
    public Token authenticate(String authorization, Object jsonBody) {
        ApiRequest.Builder request = ApiRequest.post(authUrl.then("token", "authenticate"))
                .header("Authorization", authorization).kind(RequestKind.IDEMPOTENT).unauthenticated().step("authenticate");
        if (jsonBody != null) {
            request.json(jsonBody);
        }
        ApiRequest call = request.build();
        try {
            return token(transport.execute(call, Json.answer(call)).root(), "authenticate");
        } catch (AnaplanApiException e) {
            throw new AnaplanAuthenticationException("Anaplan rejected the login: HTTP " + e.getHttpStatus()
                                                     + (e.getStatusMessage() == null ? "" : " " + e.getStatusMessage()),
                    e.getHttpStatus());
        }
    }

    /** {@code POST /token/refresh}; null when the token can no longer be refreshed (401). */
    public Token refresh(Token current) {
        ApiRequest call = ApiRequest.post(authUrl.then("token", "refresh"))
                .header("Authorization", "AnaplanAuthToken " + current.value()).kind(RequestKind.IDEMPOTENT)
                .unauthenticated().step("refresh token").build();
        try {
            return token(transport.execute(call, Json.answer(call)).root(), "refresh token");
        } catch (AnaplanApiException e) {
            if (e.getHttpStatus() == 401 || e.getHttpStatus() == 400) {
                return null;
            }
            throw e;
        }
    }

    /** {@code POST /token/logout}; failures are only logged: the token expires anyway. */
    public void logout(Token token) {
        ApiRequest call = ApiRequest.post(authUrl.then("token", "logout")).header("Accept", null)
                .header("Authorization", "AnaplanAuthToken " + token.value()).kind(RequestKind.IDEMPOTENT)
                .unauthenticated().step("logout").build();
        try {
            transport.execute(call, Json.discard());
        } catch (AnaplanException e) {
            LOG.debug("Logout failed, the token will expire on its own: {}", e.getMessage());
        }
    }

    /** OAuth refresh-token grant. Not retried once sent: a rotated refresh token must not be spent twice. */
    public OAuthTokens oauthRefresh(String clientId, String clientSecret, String refreshToken) {
        ApiRequest call = ApiRequest.post(oauthUrl.then("oauth", "token"))
                .json(new OAuthRefreshBody("refresh_token", clientId, refreshToken, clientSecret))
                .kind(RequestKind.NON_IDEMPOTENT).unauthenticated().step("OAuth refresh").build();
        JsonNode node;
        try {
            node = transport.execute(call, Json.answer(call)).root();
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
