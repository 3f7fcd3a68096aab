package io.github.camelanaplan.client;

import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import io.github.camelanaplan.client.auth.Credentials;

/**
 * Everything an {@link AnaplanClient} needs to reach Anaplan: credentials, base URLs, timeouts, retry and transport
 * settings. Two settings that are {@link #equals(Object) equal} can share one client (one token, one connection
 * pool, one rate limiter). {@link #toString()} never shows a secret.
 */
public final class ClientSettings {

    public static final String DEFAULT_AUTH_URL = "https://auth.anaplan.com";
    public static final String DEFAULT_API_URL = "https://api.anaplan.com/2/0";
    public static final String DEFAULT_OAUTH_URL = "https://us1a.app.anaplan.com";
    public static final String DEFAULT_AUDIT_URL = "https://audit.anaplan.com/audit/api/1";
    public static final String DEFAULT_CLOUDWORKS_URL = "https://api.cloudworks.anaplan.com/2/0";

    private Credentials credentials;
    private String authUrl = DEFAULT_AUTH_URL;
    private String apiUrl = DEFAULT_API_URL;
    private String oauthUrl = DEFAULT_OAUTH_URL;
    private String auditUrl = DEFAULT_AUDIT_URL;
    private String cloudWorksUrl = DEFAULT_CLOUDWORKS_URL;
    private Duration timeout = Duration.ofMillis(Defaults.TIMEOUT_MILLIS);
    private int retryCount = Defaults.RETRY_COUNT;
    private Duration retryBackoff = Duration.ofMillis(Defaults.RETRY_BACKOFF_MILLIS);
    private Duration retryDeadline = Duration.ofMillis(Defaults.RETRY_DEADLINE_MILLIS);
    private int maxRequestsPerMinute = Defaults.MAX_REQUESTS_PER_MINUTE;
    private int maxConnections = Defaults.MAX_CONNECTIONS;
    private SSLContext sslContext;
    private String proxyHost;
    private int proxyPort;
    private String proxyUsername;
    private String proxyPassword;

    public ClientSettings credentials(Credentials credentials) {
        this.credentials = credentials;
        return this;
    }

    public ClientSettings authUrl(String url) {
        this.authUrl = stripSlash(url);
        return this;
    }

    public ClientSettings apiUrl(String url) {
        this.apiUrl = stripSlash(url);
        return this;
    }

    public ClientSettings oauthUrl(String url) {
        this.oauthUrl = stripSlash(url);
        return this;
    }

    public ClientSettings auditUrl(String url) {
        this.auditUrl = stripSlash(url);
        return this;
    }

    public ClientSettings cloudWorksUrl(String url) {
        this.cloudWorksUrl = stripSlash(url);
        return this;
    }

    public ClientSettings timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    public ClientSettings retryCount(int retryCount) {
        this.retryCount = retryCount;
        return this;
    }

    public ClientSettings retryBackoff(Duration retryBackoff) {
        this.retryBackoff = retryBackoff;
        return this;
    }

    public ClientSettings retryDeadline(Duration retryDeadline) {
        this.retryDeadline = retryDeadline;
        return this;
    }

    /** Requests per minute this client sends at most (a token bucket shared by all its users); 0 = no limit. */
    public ClientSettings maxRequestsPerMinute(int maxRequestsPerMinute) {
        this.maxRequestsPerMinute = maxRequestsPerMinute;
        return this;
    }

    public ClientSettings maxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
        return this;
    }

    public ClientSettings sslContext(SSLContext sslContext) {
        this.sslContext = sslContext;
        return this;
    }

    public ClientSettings proxy(String host, int port, String username, String password) {
        this.proxyHost = host;
        this.proxyPort = port;
        this.proxyUsername = username;
        this.proxyPassword = password;
        return this;
    }

    public Credentials credentials() {
        return credentials;
    }

    public String authUrl() {
        return authUrl;
    }

    public String apiUrl() {
        return apiUrl;
    }

    public String oauthUrl() {
        return oauthUrl;
    }

    public String auditUrl() {
        return auditUrl;
    }

    public String cloudWorksUrl() {
        return cloudWorksUrl;
    }

    public Duration timeout() {
        return timeout;
    }

    public int retryCount() {
        return retryCount;
    }

    public Duration retryBackoff() {
        return retryBackoff;
    }

    public Duration retryDeadline() {
        return retryDeadline;
    }

    public int maxRequestsPerMinute() {
        return maxRequestsPerMinute;
    }

    public int maxConnections() {
        return maxConnections;
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    public String proxyHost() {
        return proxyHost;
    }

    public int proxyPort() {
        return proxyPort;
    }

    public String proxyUsername() {
        return proxyUsername;
    }

    public String proxyPassword() {
        return proxyPassword;
    }

    /** Checks the settings, naming the first wrong one. */
    public void validate() {
        if (credentials == null) {
            throw new IllegalArgumentException("No Anaplan credentials: set username/password, certificate/privateKey "
                                               + "(or keyStore), oauthClientId/oauthRefreshToken, or authToken");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (retryCount < 0) {
            throw new IllegalArgumentException("retryCount must be 0 or more, was " + retryCount);
        }
        if (retryBackoff == null || retryBackoff.isNegative()) {
            throw new IllegalArgumentException("retryBackoff must not be negative, was " + retryBackoff);
        }
        if (maxRequestsPerMinute < 0) {
            throw new IllegalArgumentException("maxRequestsPerMinute must be 0 (no limit) or more, was " + maxRequestsPerMinute);
        }
    }

    private static String stripSlash(String url) {
        Objects.requireNonNull(url, "url");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ClientSettings)) {
            return false;
        }
        ClientSettings s = (ClientSettings) o;
        return retryCount == s.retryCount && maxRequestsPerMinute == s.maxRequestsPerMinute
               && maxConnections == s.maxConnections && proxyPort == s.proxyPort
               && Objects.equals(credentials, s.credentials) && authUrl.equals(s.authUrl) && apiUrl.equals(s.apiUrl)
               && oauthUrl.equals(s.oauthUrl) && auditUrl.equals(s.auditUrl) && cloudWorksUrl.equals(s.cloudWorksUrl)
               && Objects.equals(timeout, s.timeout) && Objects.equals(retryBackoff, s.retryBackoff)
               && Objects.equals(retryDeadline, s.retryDeadline) && sslContext == s.sslContext
               && Objects.equals(proxyHost, s.proxyHost) && Objects.equals(proxyUsername, s.proxyUsername)
               && Objects.equals(proxyPassword, s.proxyPassword);
    }

    @Override
    public int hashCode() {
        return Objects.hash(credentials, authUrl, apiUrl, oauthUrl, auditUrl, cloudWorksUrl, timeout, retryCount,
                retryBackoff, proxyHost, proxyPort);
    }

    @Override
    public String toString() {
        return "ClientSettings[credentials=" + credentials + ", apiUrl=" + apiUrl + ", authUrl=" + authUrl
               + ", timeout=" + timeout + ", retryCount=" + retryCount + ", proxy="
               + (proxyHost == null ? "none" : proxyHost + ":" + proxyPort) + "]";
    }
}
