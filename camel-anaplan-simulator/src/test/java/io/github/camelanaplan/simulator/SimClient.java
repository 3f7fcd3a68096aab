package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/** Test helper: a tiny HTTP client speaking to the simulator over real sockets. */
final class SimClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    final AnaplanSimulator sim;
    final HttpClient http;
    String token;

    SimClient(AnaplanSimulator sim) {
        this(sim, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    SimClient(AnaplanSimulator sim, HttpClient http) {
        this.sim = sim;
        this.http = http;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    SimClient login() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sim.authUrl() + "/token/authenticate"))
                .header("Authorization", basic(Seed.USERNAME, Seed.PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        token = json(r).at("/tokenInfo/tokenValue").asText();
        return this;
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> sendBytes(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpRequest.Builder api(String path) {
        String url = path.startsWith("http") ? path : sim.apiUrl() + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            b.header("Authorization", "AnaplanAuthToken " + token);
        }
        return b;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(api(path).GET());
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return sendBytes(api(path).GET());
    }

    HttpResponse<String> postJson(String path, String json) throws Exception {
        return send(api(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String contentType, byte[] body) throws Exception {
        return send(api(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send(api(path).DELETE());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return MAPPER.readTree(r.body());
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        }
        return bos.toByteArray();
    }

    static String ws() {
        return "/workspaces/" + Seed.WORKSPACE_ID + "/models/" + Seed.MODEL_ID;
    }

    /** Starts a task and polls until it is terminal; returns the final task JSON. */
    JsonNode runTask(String kindSegment, String id) throws Exception {
        HttpResponse<String> r = postJson(ws() + "/" + kindSegment + "/" + id + "/tasks", "{\"localeName\":\"en_US\"}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("start failed " + r.statusCode() + " " + r.body());
        }
        String taskId = json(r).at("/task/taskId").asText();
        return waitTask(kindSegment, id, taskId);
    }

    JsonNode waitTask(String kindSegment, String id, String taskId) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode t = json(get(ws() + "/" + kindSegment + "/" + id + "/tasks/" + taskId)).get("task");
            String s = t.get("taskState").asText();
            if (s.equals("COMPLETE") || s.equals("CANCELLED")) {
                return t;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("task did not finish");
    }
}
