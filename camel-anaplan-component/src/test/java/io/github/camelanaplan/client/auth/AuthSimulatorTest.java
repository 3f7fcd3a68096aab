package io.github.camelanaplan.client.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelanaplan.client.error.AnaplanAuthenticationException;
import io.github.camelanaplan.client.ClientSettings;
import io.github.camelanaplan.client.ClientStats;
import io.github.camelanaplan.client.http.RetryingCaller;
import io.github.camelanaplan.client.http.Transport;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelanaplan.client.auth.TestKeys.ALICE;
import static io.github.camelanaplan.client.auth.TestKeys.BOB;
import static io.github.camelanaplan.client.auth.TestKeys.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Certificate and OAuth logins end to end against the simulator's auth and OAuth services. */
class AuthSimulatorTest {

    private AnaplanSimulator sim;
    private final List<Transport> transports = new ArrayList<>();

    @BeforeEach
    void start() {
        sim = AnaplanSimulator.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (Transport t : transports) {
            t.close();
        }
        sim.close();
    }

    private AuthService auth(Credentials creds) {
        return auth(sim, creds);
    }

    private AuthService auth(AnaplanSimulator s, Credentials creds) {
        ClientSettings settings = new ClientSettings().credentials(creds).authUrl(s.authUrl()).oauthUrl(s.oauthUrl())
                .apiUrl(s.apiUrl()).retryCount(0);
        Transport t = new Transport(settings, new ClientStats());
        transports.add(t);
        return new AuthService(new RetryingCaller(t, settings.callOptions()), s.authUrl(), s.oauthUrl());
    }

    /** No message of the throwable or its causes, nor the toString, shows any of the secrets. */
    private static void assertNoSecret(Throwable t, String... secrets) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            for (String secret : secrets) {
                assertThat(String.valueOf(c.getMessage())).doesNotContain(secret);
                assertThat(c.toString()).doesNotContain(secret);
            }
        }
    }

    private static String keyBody(String pem) {
        return pem.split("\n")[2].trim();
    }

    // ------------------------------------------------------------------ certificate

    @Test
    void certificateLoginV1AndV2() {
        sim.auth().registerCertificate(ALICE.certificate);
        for (String format : new String[] {"v1", "v2"}) {
            CertificateCredentials creds = CertificateCredentials.fromPem(ALICE.certificatePem(),
                    ALICE.encryptedPkcs8Pem(PASSWORD), PASSWORD, format);
            Token token = creds.login(auth(creds));
            assertThat(token.value()).isNotBlank();
            assertThat(sim.auth().isTokenValid(token.value())).isTrue();
            assertThat(token.expiresAtMillis()).isGreaterThan(System.currentTimeMillis());
            assertThat(token.toString()).doesNotContain(token.value());
        }
        assertThat(sim.auth().authenticationCount()).isEqualTo(2);
    }

    @Test
    void certificateLoginFromAKeyStoreThroughTheTokenManager() throws Exception {
        sim.auth().registerCertificate(ALICE.certificate);
        java.nio.file.Path p12 = java.nio.file.Files.createTempFile("alice", ".p12");
        try {
            java.nio.file.Files.write(p12, ALICE.keyStore("PKCS12", PASSWORD, "alice"));
            CertificateCredentials creds = CertificateCredentials.fromKeyStore("file:" + p12, PASSWORD, "alice", null);
            TokenManager manager = new TokenManager(creds, auth(creds), () -> { });
            String token = manager.token();
            assertThat(sim.auth().isTokenValid(token)).isTrue();
            manager.logout();
            assertThat(sim.auth().isTokenValid(token)).isFalse();
        } finally {
            java.nio.file.Files.deleteIfExists(p12);
        }
    }

    @Test
    void v1RefusedWhenTheServiceOnlyTakesV2() throws Exception {
        try (AnaplanSimulator strictSim = AnaplanSimulator.start(SimulatorOptions.defaults().acceptCertV1(false))) {
            strictSim.auth().registerCertificate(ALICE.certificate);
            CertificateCredentials v1 = new CertificateCredentials(ALICE.certificate, ALICE.privateKey(), "v1");
            assertThatThrownBy(() -> v1.login(auth(strictSim, v1)))
                    .isInstanceOf(AnaplanAuthenticationException.class);
            CertificateCredentials v2 = new CertificateCredentials(ALICE.certificate, ALICE.privateKey(), "v2");
            assertThat(strictSim.auth().isTokenValid(v2.login(auth(strictSim, v2)).value())).isTrue();
        }
    }

    @Test
    void unregisteredCertificateIsRejectedWithTheServiceMessage() {
        sim.auth().registerCertificate(ALICE.certificate);
        String keyPem = BOB.pkcs8Pem();
        CertificateCredentials bob = CertificateCredentials.fromPem(BOB.certificatePem(), keyPem, null, "v2");
        assertThatThrownBy(() -> bob.login(auth(bob)))
                .isInstanceOf(AnaplanAuthenticationException.class)
                .hasMessageContaining("401")
                .hasMessageContaining("Certificate not registered")
                .satisfies(e -> assertThat(((AnaplanAuthenticationException) e).getHttpStatus()).isEqualTo(401))
                .satisfies(e -> assertNoSecret(e, keyBody(keyPem)));
        assertThat(bob.toString()).doesNotContain(keyBody(keyPem));
    }

    // ------------------------------------------------------------------ OAuth

    /** A store that records what it was given. */
    private static final class RecordingStore implements RefreshTokenStore {
        final Map<String, String> tokens = new ConcurrentHashMap<>();
        final List<String> saved = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String load(String clientId) {
            return tokens.get(clientId);
        }

        @Override
        public void save(String clientId, String refreshToken) {
            saved.add(refreshToken);
            tokens.put(clientId, refreshToken);
        }
    }

    @Test
    void rotatingClientSavesEveryNewRefreshTokenAndUsesIt() {
        sim.auth().addOAuthClient("client-rot", "client-Secret-xyz", true);
        String original = sim.auth().issueRefreshToken("client-rot");
        RecordingStore store = new RecordingStore();
        OAuthCredentials creds = new OAuthCredentials("client-rot", "client-Secret-xyz", original, store);
        AuthService auth = auth(creds);

        Token first = creds.login(auth);
        assertThat(sim.auth().isTokenValid(first.value())).isTrue();
        assertThat(store.saved).hasSize(1);
        String rotated1 = store.load("client-rot");
        assertThat(rotated1).isNotEqualTo(original);
        assertThat(sim.auth().currentRefreshTokens("client-rot")).containsExactly(rotated1);

        Token second = creds.login(auth);
        assertThat(sim.auth().isTokenValid(second.value())).isTrue();
        assertThat(store.saved).hasSize(2);
        String rotated2 = store.load("client-rot");
        assertThat(rotated2).isNotIn(original, rotated1);
        assertThat(sim.auth().currentRefreshTokens("client-rot")).containsExactly(rotated2);
        assertThat(sim.auth().oauthRefreshCount()).isEqualTo(2);

        // built again from the original (now spent) configuration: reads the store
        OAuthCredentials again = new OAuthCredentials("client-rot", "client-Secret-xyz", original, store);
        assertThat(again).isEqualTo(creds).hasSameHashCodeAs(creds);
        Token third = again.login(auth(again));
        assertThat(sim.auth().isTokenValid(third.value())).isTrue();
        assertThat(store.saved).hasSize(3);
        assertThat(sim.auth().currentRefreshTokens("client-rot")).containsExactly(store.load("client-rot"));

        // without the store the spent token is rejected, and the message shows no secret
        OAuthCredentials lost = new OAuthCredentials("client-rot", "client-Secret-xyz", original, new RecordingStore());
        assertThatThrownBy(() -> lost.login(auth(lost)))
                .isInstanceOf(AnaplanAuthenticationException.class)
                .hasMessageContaining("client-rot")
                .hasMessageContaining("oauthRefreshToken")
                .satisfies(e -> assertNoSecret(e, original, rotated1, rotated2, store.load("client-rot"),
                        "client-Secret-xyz", first.value(), second.value(), third.value()));
        for (OAuthCredentials c : List.of(creds, again, lost)) {
            assertThat(c.toString()).contains("client-rot").doesNotContain(original).doesNotContain(rotated2)
                    .doesNotContain("client-Secret-xyz");
        }
    }

    @Test
    void withoutAStoreRotatedTokensLiveInTheJvm() {
        sim.auth().addOAuthClient("client-jvm", null, true);
        String original = sim.auth().issueRefreshToken("client-jvm");
        OAuthCredentials creds = new OAuthCredentials("client-jvm", original);
        creds.login(auth(creds));
        creds.login(auth(creds));
        // an engine rebuilt from the same configuration does not try the spent token
        OAuthCredentials rebuilt = new OAuthCredentials("client-jvm", null, original, null);
        assertThat(rebuilt).isEqualTo(creds);
        assertThat(sim.auth().isTokenValid(rebuilt.login(auth(rebuilt)).value())).isTrue();
        assertThat(sim.auth().oauthRefreshCount()).isEqualTo(3);
    }

    @Test
    void nonRotatingClientKeepsItsRefreshToken() {
        sim.auth().addOAuthClient("client-fixed", "s3", false);
        String original = sim.auth().issueRefreshToken("client-fixed");
        RecordingStore store = new RecordingStore();
        OAuthCredentials creds = new OAuthCredentials("client-fixed", "s3", original, store);
        creds.login(auth(creds));
        creds.login(auth(creds));
        assertThat(store.saved).isEmpty();
        assertThat(sim.auth().currentRefreshTokens("client-fixed")).containsExactly(original);
    }

    @Test
    void renewIsARefreshGrantAndLogoutDoesNothing() {
        sim.auth().addOAuthClient("client-r", "oauth-secret-r7", true);
        String original = sim.auth().issueRefreshToken("client-r");
        OAuthCredentials creds = new OAuthCredentials("client-r", "oauth-secret-r7", original, RefreshTokenStore.inMemory());
        AuthService auth = auth(creds);
        TokenManager manager = new TokenManager(creds, auth, () -> { });
        String token = manager.token();
        Token renewed = creds.renew(auth, new Token(token, System.currentTimeMillis() + 60_000, System.currentTimeMillis()));
        assertThat(renewed.value()).isNotEqualTo(token);
        assertThat(sim.auth().oauthRefreshCount()).isEqualTo(2);
        assertThat(sim.auth().refreshCount()).isZero();
        manager.logout();
        assertThat(sim.auth().logoutCount()).isZero();
        assertThat(creds.renewable()).isTrue();
        assertThat(creds.method()).isEqualTo("oauth");
    }

    @Test
    void storeThatFailsToSaveDoesNotLoseTheRotatedToken() {
        sim.auth().addOAuthClient("client-f", "oauth-secret-r7", true);
        String original = sim.auth().issueRefreshToken("client-f");
        RecordingStore backing = new RecordingStore();
        boolean[] failing = {true};
        RefreshTokenStore flaky = new RefreshTokenStore() {
            @Override
            public String load(String clientId) {
                return backing.load(clientId);
            }

            @Override
            public void save(String clientId, String refreshToken) {
                if (failing[0]) {
                    throw new IllegalStateException("database down");
                }
                backing.save(clientId, refreshToken);
            }
        };
        OAuthCredentials creds = new OAuthCredentials("client-f", "oauth-secret-r7", original, flaky);
        AuthService auth = auth(creds);
        creds.login(auth); // saving fails: kept in memory
        assertThat(backing.saved).isEmpty();
        creds.login(auth); // still fails, but the in-memory token works
        failing[0] = false;
        creds.login(auth); // saved again before use, then the newest saved
        assertThat(backing.load("client-f")).isEqualTo(sim.auth().currentRefreshTokens("client-f").get(0));
    }

    @Test
    void oauthArgumentChecksAndEquality() {
        RefreshTokenStore store = RefreshTokenStore.inMemory();
        assertThatThrownBy(() -> new OAuthCredentials(null, "s", "rt", store)).hasMessage("oauthClientId is not set");
        assertThatThrownBy(() -> new OAuthCredentials("c", "s", null, null))
                .hasMessage("oauthRefreshToken is not set (and no tokenStore is configured to hold one)");
        OAuthCredentials a = new OAuthCredentials("c", "s", "rt", store);
        assertThat(a).isEqualTo(new OAuthCredentials("c", "s", "rt", store));
        assertThat(a).isNotEqualTo(new OAuthCredentials("c", "s", "rt", RefreshTokenStore.inMemory()));
        assertThat(a).isNotEqualTo(new OAuthCredentials("c", "other", "rt", store));
        assertThat(a).isNotEqualTo(new OAuthCredentials("c", "s", "rt2", store));
        assertThat(a).isNotEqualTo(new OAuthCredentials("d", "s", "rt", store));
        assertThat(a.toString()).isEqualTo("oauth credentials of client c");

        OAuthCredentials empty = new OAuthCredentials("c-empty", "s", null, store);
        assertThatThrownBy(() -> empty.login(auth(empty)))
                .isInstanceOf(AnaplanAuthenticationException.class)
                .hasMessageContaining("oauthRefreshToken");
    }
}
