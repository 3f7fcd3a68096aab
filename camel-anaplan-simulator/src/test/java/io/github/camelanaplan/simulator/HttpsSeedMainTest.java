package io.github.camelanaplan.simulator;

import static io.github.camelanaplan.simulator.SimClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsSeedMainTest {

    @Test
    void httpsWithGeneratedCertificate() throws Exception {
        try (AnaplanSimulator sim = AnaplanSimulator.start(SimulatorOptions.defaults().https(true))) {
            assertThat(sim.baseUrl()).startsWith("https://127.0.0.1:");
            KeyStore ts = KeyStore.getInstance("PKCS12");
            try (FileInputStream in = new FileInputStream(sim.trustStorePath().toFile())) {
                ts.load(in, sim.trustStorePassword().toCharArray());
            }
            assertThat(ts.getCertificate("anaplan-simulator")).isEqualTo(sim.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(sim.trustStore());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            SimClient c = new SimClient(sim, HttpClient.newBuilder().sslContext(ctx).build()).login();
            assertThat(c.get("/workspaces").statusCode()).isEqualTo(200);
            // an untrusting client fails the handshake
            SimClient untrusting = new SimClient(sim, HttpClient.newHttpClient());
            assertThatThrownBy(untrusting::login).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
            Path p = sim.trustStorePath();
            sim.close();
            assertThat(Files.exists(p)).isFalse();
        }
    }

    @Test
    void seedFile(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, "{\n"
                + "  \"users\": [{\"username\": \"demo@example.com\", \"password\": \"demo-pass\"}],\n"
                + "  \"oauthClients\": [{\"clientId\": \"demo-client\", \"clientSecret\": \"demo-secret\", \"rotating\": false,"
                + "                      \"refreshTokens\": [\"demo-refresh-token\"]}],\n"
                + "  \"workspaces\": [{\"id\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", \"name\": \"Demo\", \"models\": [\n"
                + "    {\"id\": \"BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB\", \"name\": \"Demo Model\", \"state\": \"UNLOCKED\",\n"
                + "     \"files\": [{\"id\": \"113000000042\", \"name\": \"Cities.csv\", \"content\": \"City,Country\\nParis,FR\\nLyon,FR\\n\"}],\n"
                + "     \"targets\": [{\"name\": \"Cities\", \"headers\": [\"City\", \"Country\"], \"rows\": [[\"Berlin\", \"DE\"]]}],\n"
                + "     \"imports\": [{\"id\": \"112000000042\", \"name\": \"Cities import\", \"file\": \"113000000042\", \"target\": \"Cities\"}],\n"
                + "     \"exports\": [{\"id\": \"116000000042\", \"name\": \"Cities export\", \"target\": \"Cities\"}],\n"
                + "     \"actions\": [{\"id\": \"117000000042\", \"name\": \"Clear cities\", \"type\": \"DELETE_BY_SELECTION\", \"target\": \"Cities\"}],\n"
                + "     \"processes\": [{\"id\": \"118000000042\", \"name\": \"Cities process\", \"actions\": [\"112000000042\", \"116000000042\"]}]}\n"
                + "  ]}]\n"
                + "}\n");
        try (AnaplanSimulator sim = AnaplanSimulator.start(SimulatorOptions.defaults().seed(seed).taskDuration(Duration.ofMillis(40)))) {
            SimModel m = sim.tenant().model("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
            assertThat(m.rows("Cities")).hasSize(1);
            SimClient c = new SimClient(sim);
            HttpClient h = HttpClient.newHttpClient();
            var r = h.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.authUrl() + "/token/authenticate"))
                    .header("Authorization", SimClient.basic("demo@example.com", "demo-pass")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(201);
            c.token = json(r).at("/tokenInfo/tokenValue").asText();
            JsonNode t = json(c.postJson("/workspaces/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/models/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB/processes/118000000042/tasks",
                    "{\"localeName\":\"en_US\"}"));
            assertThat(t.at("/task/taskId").asText()).hasSize(32);
            Thread.sleep(300);
            assertThat(m.rows("Cities")).hasSize(3);
            assertThat(new String(m.fileContent("116000000042"), StandardCharsets.UTF_8)).contains("Berlin,DE", "Lyon,FR");
            assertThat(sim.auth().currentRefreshTokens("demo-client")).containsExactly("demo-refresh-token");
            assertThat(sim.tenant().models()).hasSize(1);
        }
    }

    @Test
    void seedWithDefaultsAndTransactionalLists(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, "{\"includeDefaultSeed\": true, \"workspaces\": [{\"id\": \"cccccccccccccccccccccccccccccccc\", \"models\": ["
                + "{\"id\": \"DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD\", \"defaultObjects\": true, \"transactional\": {\"lists\": ["
                + "{\"id\": \"101000000042\", \"name\": \"Cities\", \"properties\": [{\"name\": \"Country\", \"format\": \"TEXT\"}],"
                + " \"items\": [{\"name\": \"Paris\", \"code\": \"PAR\", \"properties\": {\"Country\": \"FR\"}}]}]}}]}]}");
        try (AnaplanSimulator sim = AnaplanSimulator.start(SimulatorOptions.defaults().seed(seed))) {
            SimClient c = new SimClient(sim).login();
            assertThat(sim.tenant().models()).hasSize(4);
            JsonNode items = json(c.get("/models/DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD/lists/101000000042/items?includeAll=true"));
            assertThat(items.at("/listItems/0/properties/Country").asText()).isEqualTo("FR");
            assertThat(json(c.get("/models/DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD/imports")).at("/imports/0/id").asText()).isEqualTo(Seed.IMPORT_ID);
            assertThat(json(c.get("/models/DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD/modules")).get("modules")).hasSize(2);
        }
    }

    @Test
    void mainArguments() {
        SimulatorOptions o = SimulatorMain.parse(new String[] {"--port", "0", "--token-ttl", "1m30s", "--task-duration", "2s", "--https", "--strict"});
        assertThat(o.port()).isZero();
        assertThat(o.tokenTtl()).isEqualTo(Duration.ofSeconds(90));
        assertThat(o.taskDuration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.https()).isTrue();
        assertThat(o.strict()).isTrue();
        assertThat(SimulatorMain.parse(new String[] {"--help"})).isNull();
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--bogus"})).isInstanceOf(IllegalArgumentException.class);
        assertThat(DurationParser.parse("500")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationParser.parse("35m")).isEqualTo(Duration.ofMinutes(35));
        try (AnaplanSimulator sim = AnaplanSimulator.start()) {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            SimulatorMain.printBanner(sim, SimulatorOptions.defaults(), new PrintStream(bos, true, StandardCharsets.UTF_8));
            assertThat(bos.toString(StandardCharsets.UTF_8)).contains(sim.apiUrl(), Seed.USERNAME, Seed.PASSWORD, Seed.MODEL_ID);
        }
    }
}
