package io.github.camelanaplan.simulator;

import static io.github.camelanaplan.simulator.SimClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthTest {

    static AnaplanSimulator sim;
    static SimClient c;
    static TestCerts certs;

    @BeforeAll
    static void start() throws Exception {
        sim = AnaplanSimulator.start();
        c = new SimClient(sim);
        certs = new TestCerts("cert.user@example.com");
        sim.auth().registerCertificate(certs.certificate);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private HttpResponse<String> authenticate(String authorization, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.authUrl() + "/token/authenticate"));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.POST(HttpRequest.BodyPublishers.noBody());
        }
        return c.send(b);
    }

    private HttpResponse<String> tokenCall(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.authUrl() + path)).header("Authorization", authorization);
        b.method(method, HttpRequest.BodyPublishers.noBody());
        return c.send(b);
    }

    private HttpResponse<String> apiGet(String token, String path) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(sim.apiUrl() + path)).header("Authorization", "AnaplanAuthToken " + token).GET());
    }

    @Test
    void basicAuthSuccess() throws Exception {
        long before = System.currentTimeMillis();
        HttpResponse<String> r = authenticate(SimClient.basic(Seed.USERNAME, Seed.PASSWORD), null);
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode j = json(r);
        assertThat(j.at("/status").asText()).isEqualTo("SUCCESS");
        assertThat(j.at("/statusMessage").asText()).isEqualTo("Login successful");
        assertThat(j.at("/meta/validationUrl").asText()).isEqualTo(sim.authUrl() + "/token/validate");
        assertThat(j.at("/tokenInfo/tokenValue").asText()).isNotBlank();
        assertThat(j.at("/tokenInfo/tokenId").asText()).isNotBlank();
        assertThat(j.at("/tokenInfo/refreshTokenId").asText()).isNotBlank();
        long exp = j.at("/tokenInfo/expiresAt").asLong();
        assertThat(exp).isBetween(before + 34 * 60_000L, System.currentTimeMillis() + 35 * 60_000L);
        assertThat(sim.auth().isTokenValid(j.at("/tokenInfo/tokenValue").asText())).isTrue();
    }

    @Test
    void basicAuthFailures() throws Exception {
        HttpResponse<String> bad = authenticate(SimClient.basic(Seed.USERNAME, "wrong"), null);
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(json(bad).at("/status").asText()).isEqualTo("FAILURE_BAD_CREDENTIAL");
        HttpResponse<String> malformed = authenticate("Basic %%%notbase64", null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).at("/status").asText()).isEqualTo("FAILURE_BAD_HEADER");
        assertThat(authenticate(null, null).statusCode()).isEqualTo(400);
        assertThat(authenticate("Bearer abc", null).statusCode()).isEqualTo(400);
    }

    @Test
    void authenticateStatus200Option() throws Exception {
        try (AnaplanSimulator s = AnaplanSimulator.start(SimulatorOptions.defaults().authenticateStatus(200)
                .refreshTokenField(RefreshTokenField.IN_TOKEN_INFO))) {
            HttpResponse<String> r = new SimClient(s).send(HttpRequest.newBuilder(URI.create(s.authUrl() + "/token/authenticate"))
                    .header("Authorization", SimClient.basic(Seed.USERNAME, Seed.PASSWORD)).POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(json(r).at("/tokenInfo/refreshToken").isTextual()).isTrue();
        }
    }

    @Test
    void certificateV1AndV2() throws Exception {
        HttpResponse<String> v1 = authenticate(certs.authorizationHeader(), certs.v1Body());
        assertThat(v1.statusCode()).as(v1.body()).isEqualTo(201);
        HttpResponse<String> v2 = authenticate(certs.authorizationHeader(), certs.v2Body(System.currentTimeMillis() / 1000));
        assertThat(v2.statusCode()).as(v2.body()).isEqualTo(201);
        String token = json(v2).at("/tokenInfo/tokenValue").asText();
        JsonNode me = json(apiGet(token, "/users/me"));
        assertThat(me.at("/user/email").asText()).isEqualTo("cert.user@example.com");
    }

    @Test
    void certificateRejections() throws Exception {
        // stale v2 timestamp
        assertThat(authenticate(certs.authorizationHeader(), certs.v2Body(System.currentTimeMillis() / 1000 - 600)).statusCode()).isEqualTo(401);
        // unregistered certificate
        TestCerts other = new TestCerts("other");
        HttpResponse<String> r = authenticate(other.authorizationHeader(), other.v1Body());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).at("/status").asText()).isEqualTo("FAILURE_BAD_CREDENTIAL");
        // signature by another key
        String forged = other.v1Body();
        assertThat(authenticate(certs.authorizationHeader(), forged).statusCode()).isEqualTo(401);
        // garbage certificate header
        assertThat(authenticate("CACertificate bm90IGEgY2VydA==", certs.v1Body()).statusCode()).isEqualTo(400);
        // too few random bytes
        String tiny = "{\"encodedData\":\"" + java.util.Base64.getEncoder().encodeToString(new byte[10]) + "\",\"encodedSignedData\":\""
                + java.util.Base64.getEncoder().encodeToString(certs.sign(new byte[10])) + "\"}";
        assertThat(authenticate(certs.authorizationHeader(), tiny).statusCode()).isEqualTo(401);
    }

    @Test
    void refreshValidateLogout() throws Exception {
        String token = json(authenticate(SimClient.basic(Seed.USERNAME, Seed.PASSWORD), null)).at("/tokenInfo/tokenValue").asText();
        int refreshes = sim.auth().refreshCount();
        HttpResponse<String> refreshed = tokenCall("POST", "/token/refresh", "AnaplanAuthToken " + token);
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(json(refreshed).at("/statusMessage").asText()).isEqualTo("Token refreshed");
        assertThat(json(refreshed).at("/tokenInfo/tokenValue").asText()).isEqualTo(token);
        assertThat(sim.auth().refreshCount()).isEqualTo(refreshes + 1);

        HttpResponse<String> v = tokenCall("GET", "/token/validate", "AnaplanAuthToken " + token);
        assertThat(v.statusCode()).isEqualTo(200);
        assertThat(json(v).at("/userInfo/userId").asText()).isEqualTo(Seed.USERNAME);
        assertThat(json(v).at("/userInfo/userGuid").asText()).hasSize(32);

        assertThat(tokenCall("POST", "/token/refresh", "Bearer " + token).statusCode()).isEqualTo(400);

        assertThat(apiGet(token, "/workspaces").statusCode()).isEqualTo(200);
        assertThat(tokenCall("POST", "/token/logout", "AnaplanAuthToken " + token).statusCode()).isEqualTo(204);
        HttpResponse<String> after = apiGet(token, "/workspaces");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(json(after).at("/status/code").asInt()).isEqualTo(401);
        assertThat(tokenCall("GET", "/token/validate", "AnaplanAuthToken " + token).statusCode()).isEqualTo(401);
        assertThat(sim.journal().entries().stream().filter(e -> e.path().equals("/2/0/workspaces")).reduce((a, b) -> b).get().tokenState())
                .isEqualTo(TokenState.EXPIRED);
    }

    @Test
    void rotatingRefresh() throws Exception {
        try (AnaplanSimulator s = AnaplanSimulator.start(SimulatorOptions.defaults().refreshRotatesToken(true))) {
            SimClient sc = new SimClient(s).login();
            String old = sc.token;
            HttpResponse<String> r = sc.send(HttpRequest.newBuilder(URI.create(s.authUrl() + "/token/refresh"))
                    .header("Authorization", "AnaplanAuthToken " + old).POST(HttpRequest.BodyPublishers.noBody()));
            String fresh = json(r).at("/tokenInfo/tokenValue").asText();
            assertThat(fresh).isNotEqualTo(old);
            assertThat(s.auth().isTokenValid(old)).isFalse();
            assertThat(s.auth().isTokenValid(fresh)).isTrue();
        }
    }

    @Test
    void expiryAndTtl() throws Exception {
        try (AnaplanSimulator s = AnaplanSimulator.start(SimulatorOptions.defaults().tokenTtl(Duration.ofMillis(300)))) {
            SimClient sc = new SimClient(s).login();
            assertThat(sc.get("/workspaces").statusCode()).isEqualTo(200);
            Thread.sleep(400);
            assertThat(sc.get("/workspaces").statusCode()).isEqualTo(401);
            assertThat(s.journal().entries().get(s.journal().entries().size() - 1).tokenState()).isEqualTo(TokenState.EXPIRED);
            s.auth().tokenTtl(Duration.ofMinutes(10));
            sc.login();
            assertThat(sc.get("/workspaces").statusCode()).isEqualTo(200);
            s.auth().expireAllTokens();
            assertThat(sc.get("/workspaces").statusCode()).isEqualTo(401);
            sc.login();
            s.auth().revokeAllTokens();
            assertThat(sc.get("/workspaces").statusCode()).isEqualTo(401);
            sc.token = "made-up";
            assertThat(sc.get("/workspaces").statusCode()).isEqualTo(401);
            assertThat(s.journal().entries().get(s.journal().entries().size() - 1).tokenState()).isEqualTo(TokenState.UNKNOWN);
            assertThat(s.auth().authenticationCount()).isEqualTo(3);
        }
    }

    @Test
    void bearerAcceptedOnIntegrationNotOnAudit() throws Exception {
        SimClient sc = new SimClient(sim).login();
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(sim.apiUrl() + "/workspaces")).header("Authorization", "Bearer " + sc.token).GET());
        assertThat(r.statusCode()).isEqualTo(200);
        HttpResponse<String> a = c.send(HttpRequest.newBuilder(URI.create(sim.auditUrl() + "/events?type=all")).header("Authorization", "Bearer " + sc.token).GET());
        assertThat(a.statusCode()).isEqualTo(401);
        assertThat(c.send(HttpRequest.newBuilder(URI.create(sim.apiUrl() + "/workspaces")).GET()).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> oauth(String contentType, String body) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(sim.oauthUrl() + "/oauth/token")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void oauthRefreshRotatingJsonAndForm() throws Exception {
        sim.auth().addOAuthClient("c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1", "s3cret", true);
        String rt = sim.auth().issueRefreshToken("c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1");
        HttpResponse<String> r = oauth("application/json", "{\"grant_type\":\"refresh_token\",\"client_id\":\"c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1\","
                + "\"client_secret\":\"s3cret\",\"refresh_token\":\"" + rt + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode j = json(r);
        assertThat(j.get("expires_in").asLong()).isEqualTo(2100);
        assertThat(j.get("token_type").asText()).isEqualTo("Bearer");
        String rt2 = j.get("refresh_token").asText();
        assertThat(rt2).isNotEqualTo(rt);
        assertThat(sim.auth().currentRefreshTokens("c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1")).containsExactly(rt2);
        assertThat(apiGet(j.get("access_token").asText(), "/workspaces").statusCode()).isEqualTo(200);
        // the old one is spent
        HttpResponse<String> reuse = oauth("application/json", "{\"grant_type\":\"refresh_token\",\"client_id\":\"c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1\","
                + "\"client_secret\":\"s3cret\",\"refresh_token\":\"" + rt + "\"}");
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(json(reuse).get("error").asText()).isEqualTo("invalid_grant");
        // form body
        HttpResponse<String> form = oauth("application/x-www-form-urlencoded", "grant_type=refresh_token&client_id=c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1"
                + "&client_secret=s3cret&refresh_token=" + java.net.URLEncoder.encode(rt2, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        // wrong secret
        String rt3 = json(form).get("refresh_token").asText();
        HttpResponse<String> wrong = oauth("application/json", "{\"grant_type\":\"refresh_token\",\"client_id\":\"c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1\","
                + "\"client_secret\":\"nope\",\"refresh_token\":\"" + rt3 + "\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void oauthNonRotatingClientKeepsRefreshToken() throws Exception {
        sim.auth().addOAuthClient("d2", null, false);
        String rt = sim.auth().issueRefreshToken("d2");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = oauth("application/json", "{\"grant_type\":\"refresh_token\",\"client_id\":\"d2\",\"refresh_token\":\"" + rt + "\"}");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(json(r).get("refresh_token").asText()).isEqualTo(rt);
        }
    }
}
