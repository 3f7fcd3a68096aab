package io.github.camelanaplan.client;

import io.github.camelanaplan.client.http.RetryingCaller;
import io.github.camelanaplan.client.http.Transport;
import java.time.Duration;

import io.github.camelanaplan.client.auth.AuthService;
import io.github.camelanaplan.client.auth.BasicCredentials;
import io.github.camelanaplan.client.auth.Credentials;
import io.github.camelanaplan.client.auth.TokenManager;

/** Wires a {@link Transport} with its token source and a {@link RetryingCaller} over it, for tests. */
public final class TestClients {

    private TestClients() {
    }

    /** A transport that logs in with basic credentials; short retry waits and no rate limit keep tests fast. */
    public static RetryingCaller basicTransport(String authUrl, String apiUrl, String oauthUrl, String username,
                                                String password) {
        Credentials credentials = new BasicCredentials(username, password);
        ClientSettings settings = new ClientSettings().credentials(credentials).authUrl(authUrl).apiUrl(apiUrl)
                .oauthUrl(oauthUrl).retryBackoff(Duration.ofMillis(50)).maxRequestsPerMinute(0);
        return withTokens(new RetryingCaller(new Transport(settings, new ClientStats()), settings.callOptions()),
                credentials, authUrl, oauthUrl);
    }

    /** Gives the caller's transport a token manager logging in with these credentials through the caller itself. */
    public static RetryingCaller withTokens(RetryingCaller caller, Credentials credentials, String authUrl, String oauthUrl) {
        caller.transport().tokenSource(new TokenManager(credentials, new AuthService(caller, authUrl, oauthUrl), () -> { }));
        return caller;
    }
}
