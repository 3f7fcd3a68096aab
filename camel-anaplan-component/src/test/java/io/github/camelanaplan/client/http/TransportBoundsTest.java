package io.github.camelanaplan.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelanaplan.client.ClientSettings;
import io.github.camelanaplan.client.ClientStats;
import io.github.camelanaplan.client.auth.TokenCredentials;
import io.github.camelanaplan.client.error.AnaplanApiException;
import io.github.camelanaplan.client.error.AnaplanException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounds on an answer, against a small hostile server: trickles, endless and oversized bodies. */
class TransportBoundsTest {

    private HttpServer server;
    private ExecutorService pool;
    /** Reads the whole 2xx answer as a JSON tree. */
    private static final ResponseReader<JsonNode> TREE = (status, contentType, body) -> Json.parse(body);

    private Transport transport;
    private String base;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/trickle", ex -> trickle(ex, 50));
        server.createContext("/endless", ex -> endless(ex, 0));
        // never ends, but at about 800 KB/s: the timeout ends it long before any size cap could
        server.createContext("/endlessPaced", ex -> endless(ex, 10));
        server.createContext("/big", ex -> json(ex, bigJson(10_000), false));
        server.createContext("/bigChunked", ex -> json(ex, bigJson(10_000), true));
        server.createContext("/small", ex -> json(ex, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8), true));
        server.createContext("/endlessError", TransportBoundsTest::endlessError);
        server.createContext("/slowChunk", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            trickleBytes(ex, new byte[40], 50);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        transport = new Transport(new ClientSettings().credentials(new TokenCredentials("t")).maxRequestsPerMinute(0),
                new ClientStats());
    }

    @AfterEach
    void stop() {
        transport.close();
        server.stop(0);
        pool.shutdownNow();
    }

    private RetryingCaller caller(CallOptions options) {
        return new RetryingCaller(transport, options);
    }

    private static CallOptions quick() {
        return CallOptions.defaults().withTimeout(Duration.ofMillis(600)).withRetryCount(0);
    }

    @Test
    void aTricklingJsonAnswerMustEndWithinTheTimeout() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> caller(quick()).execute(get("list files", "trickle"), TREE))
                .isInstanceOf(AnaplanException.class)
                .hasMessageContaining("too slow response to GET /trickle")
                .hasMessageContaining("did not end within the timeout (600ms)");
        long millis = (System.nanoTime() - start) / 1_000_000;
        // each byte comes well within the timeout: only the deadline on the whole answer stops it
        assertThat(millis).isBetween(550L, 3_000L);
    }

    @Test
    void anAnswerThatNeverEndsIsCutAtTheTimeout() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> caller(quick()).execute(get("read view", "endlessPaced"), TREE))
                .isInstanceOf(AnaplanException.class).hasMessageContaining("too slow");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000L);
    }

    @Test
    void anEndlessAnswerIsCappedAtMaxResponseSizeLongBeforeTheTimeout() {
        CallOptions options = CallOptions.defaults().withTimeout(Duration.ofSeconds(20)).withRetryCount(0)
                .withMaxResponseSize(1 << 20);
        long start = System.nanoTime();
        assertThatThrownBy(() -> caller(options).execute(get("read view", "endless"), TREE))
                .isInstanceOf(AnaplanException.class).hasMessageContaining("maxResponseSize (1MB)")
                .hasMessageContaining("GET /endless").hasMessageContaining("read view");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000L);
    }

    @Test
    void anOversizedAnswerFailsNamingTheSizeAndTheRequest() {
        CallOptions options = quick().withTimeout(Duration.ofSeconds(5)).withMaxResponseSize(64 * 1024);
        // declared by Content-Length: refused before reading
        assertThatThrownBy(() -> caller(options).execute(get("list files", "big"), TREE))
                .isInstanceOf(AnaplanException.class).hasMessageContaining("maxResponseSize (64KB)")
                .hasMessageContaining("bytes declared").hasMessageContaining("GET /big");
        // chunked: counted while reading
        assertThatThrownBy(() -> caller(options).execute(get("list files", "bigChunked"), TREE))
                .isInstanceOf(AnaplanException.class).hasMessageContaining("maxResponseSize (64KB)")
                .hasMessageContaining("GET /bigChunked");
        // an oversized answer is not retried: the server would send it again
        assertThat(requests.get()).isEqualTo(2);
    }

    @Test
    void nothingOfACappedAnswerIsReturnedEvenIfTheReaderSwallowsTheFailure() {
        CallOptions options = quick().withTimeout(Duration.ofSeconds(5)).withMaxResponseSize(64 * 1024);
        ResponseReader<String> swallowing = (status, type, body) -> {
            byte[] some = new byte[1024];
            try {
                body.readAllBytes();
            } catch (IOException ignored) {
                // a careless reader keeps what it had
            }
            return new String(some, StandardCharsets.UTF_8);
        };
        assertThatThrownBy(() -> caller(options).execute(get("list files", "bigChunked"), swallowing))
                .isInstanceOf(AnaplanException.class).hasMessageContaining("maxResponseSize");
    }

    @Test
    void answersWithinTheBoundsAreRead() {
        JsonNode node = caller(quick()).execute(get("small", "small"), TREE);
        assertThat(node.path("ok").asBoolean()).isTrue();
        CallOptions roomy = quick().withTimeout(Duration.ofSeconds(5)).withMaxResponseSize(1 << 20);
        assertThat(caller(roomy).execute(get("big", "bigChunked"), TREE).path("items").size())
                .isEqualTo(10_000);
    }

    @Test
    void aChunkIsAStreamBoundOnlyByTheTimeoutBetweenBytes() {
        // 40 bytes, one per 50 ms: 2 s in all, four times the timeout, and still read whole
        byte[] chunk = caller(quick()).execute(get("chunk", "slowChunk"),
                ResponseReader.stream((status, type, body) -> body.readAllBytes()));
        assertThat(chunk).hasSize(40);
        // the same answer read into memory is cut
        assertThatThrownBy(() -> caller(quick()).execute(get("chunk", "slowChunk"),
                (status, type, body) -> body.readAllBytes())).hasMessageContaining("too slow");
    }

    @Test
    void anEndlessErrorBodyIsNotDrained() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> caller(CallOptions.defaults().withRetryCount(0)).execute(
                get("list files", "endlessError"), TREE))
                .isInstanceOf(AnaplanApiException.class).hasMessageContaining("HTTP 400");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000L);
    }

    @Test
    void eachCallHasItsOwnTimeoutOverOneTransport() {
        CallOptions patient = CallOptions.defaults().withTimeout(Duration.ofSeconds(10)).withRetryCount(0);
        // /trickle sends ~27 bytes at 50 ms each: ends in ~1.4 s, within 10 s, not within 600 ms
        assertThat(caller(patient).execute(get("t", "trickle"), TREE).path("ok").asBoolean()).isTrue();
        assertThatThrownBy(() -> caller(quick()).execute(get("t", "trickle"), TREE))
                .hasMessageContaining("too slow");
    }

    private byte[] bigJson(int items) {
        StringBuilder sb = new StringBuilder("{\"items\":[");
        for (int i = 0; i < items; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\"}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private void json(HttpExchange ex, byte[] body, boolean chunked) throws IOException {
        requests.incrementAndGet();
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, chunked ? 0 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        } catch (IOException clientLeft) {
            // expected when the client refuses the rest
        }
    }

    private static void trickle(HttpExchange ex, long perByteMillis) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        trickleBytes(ex, "{\"ok\":true,\"pad\":\"xxxxxx\"}".getBytes(StandardCharsets.UTF_8), perByteMillis);
    }

    private static void trickleBytes(HttpExchange ex, byte[] body, long perByteMillis) throws IOException {
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            for (byte b : body) {
                out.write(b);
                out.flush();
                Thread.sleep(perByteMillis);
            }
        } catch (IOException | InterruptedException clientLeft) {
            // the client gave up
        }
    }

    /** A JSON array that never ends: 8 KB blocks, {@code pauseMillis} apart. */
    private static void endless(HttpExchange ex, long pauseMillis) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 0);
        byte[] block = new byte[8192];
        java.util.Arrays.fill(block, (byte) ' ');
        try (OutputStream out = ex.getResponseBody()) {
            out.write('[');
            while (true) {
                out.write(block);
                if (pauseMillis > 0) {
                    out.flush();
                    Thread.sleep(pauseMillis);
                }
            }
        } catch (IOException clientLeft) {
            // the client gave up
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private static void endlessError(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(400, 0);
        byte[] block = new byte[8192];
        java.util.Arrays.fill(block, (byte) 'x');
        try (OutputStream out = ex.getResponseBody()) {
            while (true) {
                out.write(block);
            }
        } catch (IOException clientLeft) {
            // the client gave up
        }
    }

    @SuppressWarnings("unused")
    private static void drain(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }

    private ApiRequest get(String step, String path) {
        return ApiRequest.get(base).segment(path).step(step).build();
    }
}
