package io.github.camelanaplan.component;

import java.util.List;

import io.github.camelanaplan.client.error.AnaplanAuthenticationException;
import io.github.camelanaplan.client.ClientSettings;
import io.github.camelanaplan.client.auth.BasicCredentials;
import io.github.camelanaplan.client.auth.OAuthCredentials;
import io.github.camelanaplan.client.auth.TokenCredentials;
import io.github.camelanaplan.security.SecretLeakExtension;
import io.github.camelanaplan.simulator.Seed;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.EndpointHelper;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Secret options never show in toString(), printed URIs or exception messages. */
class SecretsTest extends AnaplanTestSupport {

    private static final String PASSWORD = "Pw-never-shown-4711";
    private static final String TOKEN = "tok3n-never-shown-0815";
    private static final String KEY_PASSWORD = "keypass-never-shown-42";
    private static final String CLIENT_SECRET = "client-secret-never-shown-7";
    private static final String REFRESH_TOKEN = "refresh-never-shown-99";
    private static final String PROXY_PASSWORD = "proxy-never-shown-13";

    @Test
    void secretOptionsAreMaskedInUrisAndToString() throws Exception {
        for (String secret : List.of(PASSWORD, TOKEN, KEY_PASSWORD, CLIENT_SECRET, REFRESH_TOKEN, PROXY_PASSWORD)) {
            SecretLeakExtension.register(secret);
        }
        AnaplanConfiguration c = context.getComponent("anaplan", AnaplanComponent.class).getConfiguration();
        c.setUsername(null);
        c.setPassword(null);
        List<String> uris = List.of(
                "anaplan:files?username=someone&password=" + PASSWORD + "&proxyHost=proxy&proxyPassword=" + PROXY_PASSWORD,
                "anaplan:files?authToken=" + TOKEN,
                "anaplan:files?oauthClientId=abc&oauthClientSecret=" + CLIENT_SECRET + "&oauthRefreshToken=" + REFRESH_TOKEN);
        for (String uri : uris) {
            Endpoint endpoint = context.getEndpoint(uri);
            for (String printed : List.of(endpoint.toString(), URISupport.sanitizeUri(endpoint.getEndpointUri()),
                    EndpointHelper.resolveEndpointUriPropertyPlaceholders(context, URISupport.sanitizeUri(uri)),
                    ((AnaplanEndpoint) endpoint).getConfiguration().toString())) {
                assertThat(SecretLeakExtension.leakIn(printed)).as(printed).isNull();
            }
            // the generated URI factory knows which options are secret
            assertThat(context.getCamelContextExtension().getEndpointUriFactory("anaplan").secretPropertyNames())
                    .contains("password", "authToken", "oauthClientSecret", "oauthRefreshToken", "privateKey",
                            "privateKeyPassword", "keyStorePassword", "proxyPassword");
        }
    }

    @Test
    void settingsAndCredentialsPrintNoSecret() {
        SecretLeakExtension.register(PASSWORD);
        SecretLeakExtension.register(TOKEN);
        SecretLeakExtension.register(REFRESH_TOKEN);
        SecretLeakExtension.register(CLIENT_SECRET);
        List<Object> printed = List.of(new BasicCredentials("u", PASSWORD), new TokenCredentials(TOKEN),
                new OAuthCredentials("client", CLIENT_SECRET, REFRESH_TOKEN, null),
                new ClientSettings().credentials(new BasicCredentials("u", PASSWORD)).proxy("p", 1, "pu", PASSWORD));
        for (Object o : printed) {
            assertThat(SecretLeakExtension.leakIn(o.toString())).as(o.getClass().getSimpleName()).isNull();
        }
    }

    @Test
    void rejectedLoginNamesTheServicesMessageButNotThePassword() {
        String wrong = "Wrong-" + PASSWORD;
        SecretLeakExtension.register(wrong);
        Exchange result = template.request("anaplan:workspaces?password=" + wrong, e -> { });
        assertThat(result.getException()).isInstanceOf(AnaplanAuthenticationException.class)
                .hasMessageContaining("HTTP 401");
        assertThat(SecretLeakExtension.leakIn(result.getException().toString())).isNull();
        assertThat(result.getException().getMessage()).doesNotContain(wrong).doesNotContain(Seed.PASSWORD);
    }

    @Test
    void errorsFromTheApiCarryNoToken() {
        Exchange result = template.request("anaplan:importMetadata?actionId=112999999999", e -> { });
        assertThat(result.getException()).isNotNull();
        String all = String.valueOf(result.getException()) + result.getException().getCause();
        assertThat(SecretLeakExtension.leakIn(all)).isNull();
        assertThat(sim.journal().entries()).allSatisfy(e -> assertThat(SecretLeakExtension.leakIn(e.toString())).isNull());
    }
}
