package io.github.camelanaplan.client.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.ClientSettings;
import io.github.camelanaplan.client.auth.BasicCredentials;
import io.github.camelanaplan.client.bulk.ActionType;
import io.github.camelanaplan.client.error.AnaplanProtocolException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A tiny local HTTP stub that answers task requests with bodies the simulator's faults cannot produce (a status of
 * another task, a COMPLETE task without result, a start without an id): the engine must fail typed, naming the field.
 */
class LyingTaskServerTest {

    private static final String EXPORT = "116000000001";
    private static final String TASKS = "/2/0/workspaces/w1/models/m1/exports/" + EXPORT + "/tasks";

    private HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private AnaplanClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        answers.put("POST /token/authenticate",
                "{\"status\":\"SUCCESS\",\"tokenInfo\":{\"tokenValue\":\"stub-token\",\"expiresAt\":"
                + (System.currentTimeMillis() + 3_600_000) + "}}");
        answers.put("GET " + TASKS, "{\"tasks\":[]}");
        client = AnaplanClient.create(new ClientSettings().credentials(new BasicCredentials("u", "p")).authUrl(base)
                .apiUrl(base + "/2/0").retryCount(0).timeout(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = answers.getOrDefault(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                "{\"status\":{\"code\":200}}");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "another task's status | {\"task\":{\"taskId\":\"T2\",\"taskState\":\"IN_PROGRESS\"}} | task.taskId",
            "COMPLETE, no result   | {\"task\":{\"taskId\":\"T1\",\"taskState\":\"COMPLETE\"}}   | task.result",
            "no state              | {\"task\":{\"taskId\":\"T1\"}}                              | task.taskState",
            "unknown state         | {\"task\":{\"taskId\":\"T1\",\"taskState\":\"HALTED\"}}     | task.taskState"})
    void aStatusAnswerThatBreaksThePromiseFailsTyped(String name, String status, String field) {
        answers.put("GET " + TASKS + "/T1", status);
        assertThatThrownBy(() -> client.model("w1", "m1").taskStatus(ActionType.EXPORT, EXPORT, "T1"))
                .isInstanceOf(AnaplanProtocolException.class)
                .hasMessageContaining("task status of export " + EXPORT)
                .hasMessageContaining(TASKS + "/T1")
                .satisfies(e -> assertThat(((AnaplanProtocolException) e).getField()).isEqualTo(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "envelope without id | {\"task\":{\"taskState\":\"NOT_STARTED\"}} | task.taskId",
            "nothing             | {\"status\":{\"code\":200}}                | taskId"})
    void aStartAnswerWithoutTaskIdFailsTyped(String name, String start, String field) {
        answers.put("POST " + TASKS, start);
        assertThatThrownBy(() -> client.model("w1", "m1").startTask(ActionType.EXPORT, EXPORT, TaskOptions.defaults()))
                .isInstanceOf(AnaplanProtocolException.class)
                .hasMessageContaining("start export " + EXPORT)
                .satisfies(e -> assertThat(((AnaplanProtocolException) e).getField()).isEqualTo(field));
    }
}
