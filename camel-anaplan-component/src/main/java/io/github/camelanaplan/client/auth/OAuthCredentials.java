package io.github.camelanaplan.client.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelanaplan.client.error.AnaplanAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 refresh-token grant against Anaplan's OAuth service: every login trades the newest refresh token for an
 * access token. With a rotating client each answer carries a new refresh token and the old one stops working, so the
 * new one goes to the {@link RefreshTokenStore} at once, before the login returns, and the next login reads it from
 * there. Renewing an access token is another refresh grant ({@code /token/refresh} does not apply), and there is no
 * logout.
 * <p>
 * Without a configured store, rotated refresh tokens are kept in a store that lives as long as the JVM, shared by every
 * instance with the same client id and initial refresh token, so an engine built again from the same configuration
 * does not try the spent token. {@link #toString()} shows the client id only.
 */
public final class OAuthCredentials extends Credentials {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthCredentials.class);

    /** Per (client id, initial refresh token): the newest refresh token, for credentials without a store. */
    private static final Map<String, String> JVM_TOKENS = new ConcurrentHashMap<>();

    private final String clientId;
    private final String clientSecret;
    private final String initialRefreshToken;
    private final RefreshTokenStore configuredStore;
    private final RefreshTokenStore store;
    /** The refresh token the last login used or received. */
    private volatile String currentRefreshToken;
    /** A rotated refresh token the store failed to save; saved again on the next login. */
    private volatile String unsaved;

    /**
     * @param clientId     the OAuth client id (required)
     * @param clientSecret the client secret; null for device-grant clients, which have none
     * @param refreshToken the refresh token to start from; may be null when the store already holds one
     * @param store        where rotated refresh tokens are kept; null for a JVM-lifetime store
     */
    public OAuthCredentials(String clientId, String clientSecret, String refreshToken, RefreshTokenStore store) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("oauthClientId is not set");
        }
        this.clientId = clientId.trim();
        this.clientSecret = clientSecret == null || clientSecret.isEmpty() ? null : clientSecret;
        this.initialRefreshToken = refreshToken == null || refreshToken.isBlank() ? null : refreshToken.trim();
        this.configuredStore = store;
        this.store = store != null ? store : new JvmStore(jvmScope(this.clientId, initialRefreshToken));
        if (initialRefreshToken == null && store == null) {
            throw new IllegalArgumentException("oauthRefreshToken is not set (and no tokenStore is configured to hold one)");
        }
        this.currentRefreshToken = initialRefreshToken;
    }

    /** Without a client secret (device-grant client) and with a JVM-lifetime store. */
    public OAuthCredentials(String clientId, String refreshToken) {
        this(clientId, null, refreshToken, null);
    }

    @Override
    public Token login(AuthService auth) {
        String pending = unsaved;
        if (pending != null && trySave(pending)) {
            unsaved = null;
        }
        String refreshToken;
        String source;
        String stored = pending != null ? null : load();
        if (pending != null) {
            refreshToken = pending;
            source = "the rotated refresh token kept in memory";
        } else if (stored != null && !stored.isBlank()) {
            refreshToken = stored;
            source = configuredStore != null ? "the refresh token from the tokenStore" : "the last rotated refresh token";
        } else if (currentRefreshToken != null) {
            refreshToken = currentRefreshToken;
            source = "oauthRefreshToken";
        } else {
            throw new AnaplanAuthenticationException("OAuth client " + clientId + ": no refresh token: set "
                                                     + "oauthRefreshToken (the tokenStore holds none)", -1);
        }
        AuthService.OAuthTokens tokens;
        try {
            tokens = auth.oauthRefresh(clientId, clientSecret, refreshToken);
        } catch (AnaplanAuthenticationException e) {
            if (e.getHttpStatus() < 0) {
                throw e;
            }
            throw new AnaplanAuthenticationException(e.getMessage() + " (client " + clientId + ", using " + source + ")",
                    e.getHttpStatus());
        }
        String next = tokens.refreshToken();
        if (next != null && !next.isBlank() && !next.equals(refreshToken)) {
            currentRefreshToken = next;
            if (trySave(next)) {
                unsaved = null;
            } else {
                unsaved = next;
            }
            LOG.debug("OAuth client {}: the refresh token was rotated and saved", clientId);
        } else {
            currentRefreshToken = refreshToken;
        }
        return tokens.accessToken();
    }

    private String load() {
        try {
            return store.load(clientId);
        } catch (RuntimeException e) {
            LOG.warn("OAuth client {}: the tokenStore failed to load the refresh token ({}); using the configured one",
                    clientId, e.getClass().getName());
            return null;
        }
    }

    private boolean trySave(String refreshToken) {
        try {
            store.save(clientId, refreshToken);
            return true;
        } catch (RuntimeException e) {
            LOG.error("OAuth client {}: the tokenStore failed to save the rotated refresh token ({}); it is kept in "
                      + "memory only and saving is retried at the next login; after a restart the client cannot log in "
                      + "until a new refresh token is configured", clientId, e.getClass().getName());
            return false;
        }
    }

    /** OAuth access tokens are renewed with another refresh grant. */
    @Override
    public Token renew(AuthService auth, Token current) {
        return login(auth);
    }

    /** There is no logout for OAuth access tokens: they expire. */
    @Override
    public void logout(AuthService auth, Token token) {
        // nothing to do
    }

    @Override
    public String method() {
        return "oauth";
    }

    public String clientId() {
        return clientId;
    }

    /** The store rotated refresh tokens go to: the configured one, or the JVM-lifetime store. */
    public RefreshTokenStore tokenStore() {
        return store;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OAuthCredentials)) {
            return false;
        }
        OAuthCredentials other = (OAuthCredentials) o;
        return clientId.equals(other.clientId) && Objects.equals(clientSecret, other.clientSecret)
               && Objects.equals(initialRefreshToken, other.initialRefreshToken)
               && configuredStore == other.configuredStore;
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientId, clientSecret, initialRefreshToken, System.identityHashCode(configuredStore));
    }

    @Override
    public String toString() {
        return "oauth credentials of client " + clientId;
    }

    private static String jvmScope(String clientId, String initialRefreshToken) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(clientId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            if (initialRefreshToken != null) {
                sha.update(initialRefreshToken.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    /** The JVM-lifetime store of credentials configured without one. */
    private static final class JvmStore implements RefreshTokenStore {
        private final String scope;

        JvmStore(String scope) {
            this.scope = scope;
        }

        @Override
        public String load(String clientId) {
            return JVM_TOKENS.get(scope);
        }

        @Override
        public void save(String clientId, String refreshToken) {
            JVM_TOKENS.put(scope, refreshToken);
        }

        @Override
        public String toString() {
            return "in-memory refresh token store";
        }
    }
}
