package io.github.camelanaplan.client;

import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import io.github.camelanaplan.client.auth.Credentials;
import io.github.camelanaplan.client.http.CallOptions;

/**
 * Everything an {@link AnaplanClient} needs to reach Anaplan. Three kinds of settings:
 * <ul>
 * <li>what keys an engine: credentials, the five base URLs, TLS context, proxy. Only these take part in
 * {@link #equals(Object)}: settings that are equal share one engine (one token, one connection pool, one rate
 * limiter);</li>
 * <li>engine-wide resources: {@link #maxConnections(int)}, {@link #maxRequestsPerMinute(int)}. A shared engine keeps
 * those of the settings it was created with;</li>
 * <li>per-call tuning, {@link #callOptions()}: timeout, maxResponseSize, retries. The engine's own calls (login) use
 * them, and so does every call of a {@link AnaplanClient#withOptions view} that was not given others.</li>
 * </ul>
 * {@link #toString()} never shows a secret.
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
    private CallOptions callOptions = CallOptions.defaults();
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

    /** The per-call tuning (see the class comment). */
    public ClientSettings callOptions(CallOptions options) {
        this.callOptions = Objects.requireNonNull(options, "callOptions");
        return this;
    }

    public ClientSettings timeout(Duration timeout) {
        this.callOptions = callOptions.withTimeout(timeout);
        return this;
    }

    public ClientSettings maxResponseSize(long bytes) {
        this.callOptions = callOptions.withMaxResponseSize(bytes);
        return this;
    }

    public ClientSettings retryCount(int retryCount) {
        this.callOptions = callOptions.withRetryCount(retryCount);
        return this;
    }

    public ClientSettings retryBackoff(Duration retryBackoff) {
        this.callOptions = callOptions.withRetryBackoff(retryBackoff);
        return this;
    }

    public ClientSettings maxRetryWait(Duration maxRetryWait) {
        this.callOptions = callOptions.withMaxRetryWait(maxRetryWait);
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

    public CallOptions callOptions() {
        return callOptions;
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
        callOptions.validate();
        if (maxRequestsPerMinute < 0) {
            throw new IllegalArgumentException("maxRequestsPerMinute must be 0 (no limit) or more, was " + maxRequestsPerMinute);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be 1 or more, was " + maxConnections);
        }
    }

    private static String stripSlash(String url) {
        Objects.requireNonNull(url, "url");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Equal when they key the same engine: credentials, URLs, TLS context, proxy (not resources, not tuning). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ClientSettings)) {
            return false;
        }
        ClientSettings s = (ClientSettings) o;
        return proxyPort == s.proxyPort
               && Objects.equals(credentials, s.credentials) && authUrl.equals(s.authUrl) && apiUrl.equals(s.apiUrl)
               && oauthUrl.equals(s.oauthUrl) && auditUrl.equals(s.auditUrl) && cloudWorksUrl.equals(s.cloudWorksUrl)
               && sslContext == s.sslContext
               && Objects.equals(proxyHost, s.proxyHost) && Objects.equals(proxyUsername, s.proxyUsername)
               && Objects.equals(proxyPassword, s.proxyPassword);
    }

    @Override
    public int hashCode() {
        return Objects.hash(credentials, authUrl, apiUrl, oauthUrl, auditUrl, cloudWorksUrl, proxyHost, proxyPort);
    }

    @Override
    public String toString() {
        return "ClientSettings[credentials=" + credentials + ", apiUrl=" + apiUrl + ", authUrl=" + authUrl
               + ", timeout=" + CallOptions.describe(callOptions.timeout()) + ", retryCount=" + callOptions.retryCount()
               + ", proxy="
               + (proxyHost == null ? "none" : proxyHost + ":" + proxyPort) + "]";
    }
}
