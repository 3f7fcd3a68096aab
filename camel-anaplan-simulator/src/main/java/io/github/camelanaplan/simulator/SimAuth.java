package io.github.camelanaplan.simulator;

import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Users, certificates, OAuth clients and the tokens the simulator issued (thread-safe). */
public final class SimAuth {

    /** An issued auth token. */
    static final class Token {
        final String value;
        final String tokenId;
        volatile String refreshTokenId;
        final String userId;
        volatile long expiresAt;
        volatile boolean invalidated;

        Token(String value, String tokenId, String refreshTokenId, String userId, long expiresAt) {
            this.value = value;
            this.tokenId = tokenId;
            this.refreshTokenId = refreshTokenId;
            this.userId = userId;
            this.expiresAt = expiresAt;
        }

        boolean valid() {
            return !invalidated && System.currentTimeMillis() < expiresAt;
        }
    }

    private static final class OAuthClient {
        final String clientId;
        final String secret;
        final boolean rotating;
        final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();

        OAuthClient(String clientId, String secret, boolean rotating) {
            this.clientId = clientId;
            this.secret = secret;
            this.rotating = rotating;
        }
    }

    static final String CUSTOMER_GUID = "8a868cd97b120fc7017b36d7331d74bf";

    /** Every password, client secret, token and refresh token any simulator of this JVM registered or issued. */
    private static final Set<String> SECRETS_OF_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> users = new ConcurrentHashMap<>();
    private final Map<String, String> userGuids = new ConcurrentHashMap<>();
    private final List<X509Certificate> certificates = new CopyOnWriteArrayList<>();
    private final Map<String, OAuthClient> clients = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Set<String> retiredSecrets = ConcurrentHashMap.newKeySet();
    private volatile Duration tokenTtl;
    private final AtomicInteger authentications = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger logouts = new AtomicInteger();
    private final AtomicInteger oauthRefreshes = new AtomicInteger();

    SimAuth(Duration tokenTtl) {
        this.tokenTtl = tokenTtl;
    }

    /** Adds (or replaces) a Basic-auth user. */
    public void addUser(String username, String password) {
        users.put(Objects.requireNonNull(username), Objects.requireNonNull(password));
        SECRETS_OF_THIS_JVM.add(password);
        userGuid(username);
    }

    /** Registers a certificate: CA-certificate authentication accepts only registered certificates. */
    public void registerCertificate(X509Certificate certificate) {
        certificates.add(Objects.requireNonNull(certificate));
    }

    /** Registers an OAuth client; {@code clientSecret} may be null (device-grant clients). */
    public void addOAuthClient(String clientId, String clientSecret, boolean rotating) {
        clients.put(clientId, new OAuthClient(clientId, clientSecret, rotating));
        if (clientSecret != null) {
            SECRETS_OF_THIS_JVM.add(clientSecret);
        }
    }

    /** Issues a new refresh token for a registered OAuth client. */
    public String issueRefreshToken(String clientId) {
        OAuthClient c = clients.get(clientId);
        if (c == null) {
            throw new IllegalArgumentException("unknown OAuth client " + clientId);
        }
        String rt = randomToken(24);
        c.refreshTokens.add(rt);
        return rt;
    }

    /** Registers a known refresh token value for a client (seed files). */
    void addRefreshToken(String clientId, String refreshToken) {
        OAuthClient c = clients.get(clientId);
        if (c == null) {
            throw new IllegalArgumentException("unknown OAuth client " + clientId);
        }
        c.refreshTokens.add(refreshToken);
        SECRETS_OF_THIS_JVM.add(refreshToken);
    }

    /** The refresh tokens of this client that are currently valid. */
    public List<String> currentRefreshTokens(String clientId) {
        OAuthClient c = clients.get(clientId);
        return c == null ? List.of() : new ArrayList<>(c.refreshTokens);
    }

    /** Changes the lifetime of tokens issued or refreshed from now on. */
    public void tokenTtl(Duration ttl) {
        this.tokenTtl = Objects.requireNonNull(ttl);
    }

    public Duration tokenTtl() {
        return tokenTtl;
    }

    /** Makes every issued token expired (as if its 35 minutes had passed). */
    public void expireAllTokens() {
        long now = System.currentTimeMillis() - 1;
        tokens.values().forEach(t -> t.expiresAt = Math.min(t.expiresAt, now));
    }

    /** Invalidates every issued token. */
    public void revokeAllTokens() {
        tokens.values().forEach(t -> t.invalidated = true);
    }

    /** Successful {@code /token/authenticate} calls (Basic and certificate). */
    public int authenticationCount() {
        return authentications.get();
    }

    /** Successful {@code /token/refresh} calls. */
    public int refreshCount() {
        return refreshes.get();
    }

    /** Successful OAuth refresh_token grants. */
    public int oauthRefreshCount() {
        return oauthRefreshes.get();
    }

    /** {@code /token/logout} calls. */
    public int logoutCount() {
        return logouts.get();
    }

    /** Whether this token value was issued by the simulator and is still valid. */
    public boolean isTokenValid(String tokenValue) {
        Token t = tokenValue == null ? null : tokens.get(tokenValue);
        return t != null && t.valid();
    }

    // ---- used by the endpoints ----

    /** A new random secret value, remembered in the JVM-wide secrets ledger. */
    String newSecret() {
        return randomToken(24);
    }

    /** Users and passwords (for the command line banner). */
    Map<String, String> users() {
        return new java.util.TreeMap<>(users);
    }

    boolean checkPassword(String username, String password) {
        String p = users.get(username);
        return p != null && p.equals(password);
    }

    boolean isRegistered(X509Certificate cert) {
        try {
            byte[] enc = cert.getEncoded();
            for (X509Certificate c : certificates) {
                if (Arrays.equals(c.getEncoded(), enc)) {
                    return true;
                }
            }
        } catch (CertificateEncodingException e) {
            return false;
        }
        return false;
    }

    String userGuid(String userId) {
        return userGuids.computeIfAbsent(userId, u -> UUID.nameUUIDFromBytes(u.getBytes()).toString().replace("-", ""));
    }

    Token issue(String userId, boolean countAsAuthentication) {
        String value = randomToken(16) + "." + randomToken(48) + "." + randomToken(32);
        Token t = new Token(value, UUID.randomUUID().toString(), UUID.randomUUID().toString(), userId,
                System.currentTimeMillis() + tokenTtl.toMillis());
        tokens.put(value, t);
        if (countAsAuthentication) {
            authentications.incrementAndGet();
        }
        return t;
    }

    Token token(String value) {
        return value == null ? null : tokens.get(value);
    }

    TokenState state(String value) {
        if (value == null) {
            return TokenState.NONE;
        }
        Token t = tokens.get(value);
        if (t == null) {
            return TokenState.UNKNOWN;
        }
        return t.valid() ? TokenState.VALID : TokenState.EXPIRED;
    }

    /** Refreshes a valid token: same value with a new expiry, or a new value when rotating. */
    Token refresh(Token t, boolean rotate) {
        refreshes.incrementAndGet();
        long exp = System.currentTimeMillis() + tokenTtl.toMillis();
        if (!rotate) {
            t.expiresAt = exp;
            return t;
        }
        t.invalidated = true;
        Token n = issue(t.userId, false);
        return n;
    }

    void logout(Token t) {
        logouts.incrementAndGet();
        if (t != null) {
            t.invalidated = true;
        }
    }

    void expire(String value) {
        Token t = token(value);
        if (t != null) {
            t.expiresAt = System.currentTimeMillis() - 1;
        }
    }

    /** Outcome of an OAuth refresh grant: HTTP status, error code or the new tokens. */
    static final class OAuthResult {
        final int status;
        final String error;
        final String description;
        final Token access;
        final String refreshToken;

        OAuthResult(int status, String error, String description, Token access, String refreshToken) {
            this.status = status;
            this.error = error;
            this.description = description;
            this.access = access;
            this.refreshToken = refreshToken;
        }
    }

    OAuthResult oauthRefresh(String clientId, String clientSecret, String refreshToken, String userId) {
        OAuthClient c = clientId == null ? null : clients.get(clientId);
        if (c == null) {
            return new OAuthResult(401, "invalid_client", "Unknown client", null, null);
        }
        if (c.secret != null && !c.secret.equals(clientSecret)) {
            return new OAuthResult(401, "invalid_client", "Client authentication failed", null, null);
        }
        if (refreshToken == null || !c.refreshTokens.contains(refreshToken)) {
            return new OAuthResult(400, "invalid_grant", "Unknown or invalid refresh token", null, null);
        }
        String next = refreshToken;
        if (c.rotating) {
            c.refreshTokens.remove(refreshToken);
            retiredSecrets.add(refreshToken);
            next = randomToken(24);
            c.refreshTokens.add(next);
        }
        oauthRefreshes.incrementAndGet();
        return new OAuthResult(200, null, null, issue(userId, false), next);
    }

    /** Every value that must never appear in a query string or a non-Authorization header. */
    Set<String> secrets() {
        Set<String> s = new HashSet<>(users.values());
        s.addAll(tokens.keySet());
        s.addAll(retiredSecrets);
        for (OAuthClient c : clients.values()) {
            s.addAll(c.refreshTokens);
            if (c.secret != null) {
                s.add(c.secret);
            }
        }
        return s;
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        String token = Base64.getEncoder().encodeToString(b);
        SECRETS_OF_THIS_JVM.add(token);
        return token;
    }

    /**
     * Every password, OAuth client secret, token and refresh token that any simulator in this JVM registered or
     * issued: tests scan logs and messages for them to prove that no secret leaks.
     */
    public static Set<String> secretsOfThisJvm() {
        return java.util.Collections.unmodifiableSet(SECRETS_OF_THIS_JVM);
    }
}
