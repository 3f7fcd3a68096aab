package io.github.camelanaplan.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The transport: a JDK HttpServer on loopback, applying faults, the token gate and strict checks around
 * the router, writing responses and recording every exchange in the journal.
 */
final class SimHttpServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SimHttpServer.class.getName());

    private final HttpServer server;
    private final ExecutorService pool;
    private final Router router;
    private final Journal journal;
    private final Faults faults;
    private final SimAuth auth;
    private final AuthGate gate;
    private final StrictMode strict;
    private final RateLimiter rateLimiter;
    private final String baseUrl;
    private final Lies lies;
    private volatile boolean closed;

    /** A lie told in one answer: the (possibly replaced) response and what the journal keeps of it. */
    private record Told(Lie lie, SimResponse response, String honestBody, String servedBody, List<JsonMutation> mutations) {
    }

    SimHttpServer(int port, SSLContext ssl, int threads, Router router, Journal journal, Faults faults, SimAuth auth,
            AuthGate gate, StrictMode strict, RateLimiter rateLimiter, Lies lies) throws IOException {
        this.lies = lies;
        this.router = router;
        this.journal = journal;
        this.faults = faults;
        this.auth = auth;
        this.gate = gate;
        this.strict = strict;
        this.rateLimiter = rateLimiter;
        InetSocketAddress addr = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (ssl != null) {
            HttpsServer s = HttpsServer.create(addr, 1024);
            s.setHttpsConfigurator(new HttpsConfigurator(ssl));
            server = s;
        } else {
            server = HttpServer.create(addr, 1024);
        }
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "anaplan-sim-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        baseUrl = (ssl != null ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String baseUrl() {
        return baseUrl;
    }

    private void handle(HttpExchange ex) {
        long start = System.nanoTime();
        int inFlight = journal.enter();
        String method = ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        String path = ex.getRequestURI().getRawPath();
        String rawQuery = ex.getRequestURI().getRawQuery();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
            headers.put(h.getKey(), String.join(", ", h.getValue()));
        }
        CountingInputStream body = new CountingInputStream(ex.getRequestBody());
        SimRequest req = new SimRequest(method, path, rawQuery, headers, body, baseUrl);
        String token = AuthGate.token(headers.get("Authorization"));
        TokenState tokenState = auth.state(token);
        FaultRule fault = faults.match(method, path);
        int status = -1;
        long responseSize = 0;
        boolean recorded = false;
        Told told = null;
        try {
            SimResponse resp;
            if (fault == null) {
                told = tell(req, headers, body);
                resp = told == null ? process(req) : told.response();
                if (told == null) {
                    told = tellAfter(method, path, rawQuery, resp);
                    resp = told == null ? resp : told.response();
                }
            } else {
                switch (fault.action()) {
                    case RESET_BEFORE_RESPONSE:
                        recorded = record(method, path, rawQuery, headers, req, body, start, inFlight, tokenState, fault, -1, 0);
                        reset(ex);
                        return;
                    case RESET_AFTER_PROCESSING:
                        process(req);
                        body.drain();
                        recorded = record(method, path, rawQuery, headers, req, body, start, inFlight, tokenState, fault, -1, 0);
                        reset(ex);
                        return;
                    case DELAY:
                        sleep(fault.delayValue().toMillis());
                        resp = process(req);
                        break;
                    case TRUNCATED_JSON:
                        body.drain();
                        recorded = record(method, path, rawQuery, headers, req, body, start, inFlight, tokenState, fault, 200, TRUNCATED_SIZE);
                        writeTruncated(ex);
                        return;
                    case HTML_ERROR_PAGE:
                        body.drain();
                        resp = SimResponse.text(200, "text/html;charset=UTF-8",
                                "<html><head><title>502 Proxy Error</title></head><body><h1>Proxy Error</h1>"
                                        + "<p>The proxy server received an invalid response from an upstream server.</p></body></html>");
                        break;
                    case EMPTY_BODY:
                        body.drain();
                        resp = SimResponse.bytes(200, "application/json", new byte[0]);
                        break;
                    case EXPIRE_TOKEN:
                        body.drain();
                        auth.expire(token);
                        resp = SimResponse.json(401, Json.error(401, "Unauthorized", path));
                        break;
                    case RESPOND:
                    default:
                        body.drain();
                        resp = errorResponse(fault.status(), Json.reason(fault.status()), req);
                        if (fault.retryAfterValue() != null) {
                            resp.header("Retry-After", fault.retryAfterValue());
                        }
                        break;
                }
            }
            body.drain();
            status = resp.status;
            responseSize = Math.max(0, resp.bodyLength());
            Lie.Kind wire = told == null ? null : told.lie().kind();
            if (wire == Lie.Kind.NEVER_ENDING) {
                responseSize = -1;
            }
            // recorded before the answer goes out: a client that has its answer finds the request in the journal
            recorded = record(method, path, rawQuery, headers, req, body, start, inFlight, tokenState, fault, status, responseSize, told);
            if (wire == Lie.Kind.TRICKLE) {
                writeTrickling(ex, resp, told.lie().interval());
            } else if (wire == Lie.Kind.NEVER_ENDING) {
                writeNeverEnding(ex, resp, told.lie().interval());
            } else {
                write(ex, resp);
            }
        } catch (IOException | RuntimeException | Error e) {
            LOG.log(System.Logger.Level.DEBUG, "exchange failed", e);
            ex.close();
        } finally {
            if (!recorded) {
                record(method, path, rawQuery, headers, req, body, start, inFlight, tokenState, fault, status, responseSize, told);
            }
        }
    }

    /** Closes the connection without a response: a TCP RST when the JVM allows it, else a plain close. */
    private static void reset(HttpExchange ex) {
        if (!ConnectionReset.abort(ex)) {
            ex.close();
        } else {
            try {
                ex.close();
            } catch (RuntimeException e) {
                // the channel is already gone
            }
        }
    }

    private boolean record(String method, String path, String rawQuery, Map<String, String> headers, SimRequest req,
                           CountingInputStream body, long start, int inFlight, TokenState tokenState, FaultRule fault,
                           int status, long responseSize) {
        return record(method, path, rawQuery, headers, req, body, start, inFlight, tokenState, fault, status, responseSize, null);
    }

    private boolean record(String method, String path, String rawQuery, Map<String, String> headers, SimRequest req,
                           CountingInputStream body, long start, int inFlight, TokenState tokenState, FaultRule fault,
                           int status, long responseSize, Told told) {
        journal.exit();
        journal.record(new JournalEntry(method, path, rawQuery, redact(headers), req.contentType(), body.count(), status,
                start, System.nanoTime(), inFlight, tokenState, fault == null ? null : fault.name(), responseSize,
                told == null ? null : told.lie().name(), told == null ? null : told.honestBody(),
                told == null ? null : told.servedBody(), told == null ? List.of() : told.mutations()));
        return true;
    }

    /** Lies decided before the handler runs: an absurd Retry-After (not processed) or the first page whatever was asked. */
    private Told tell(SimRequest req, Map<String, String> headers, CountingInputStream body) {
        Lie lie = lies.matchBefore(req.method(), req.path(), req.rawQuery());
        if (lie == null) {
            return null;
        }
        if (lie.kind() == Lie.Kind.RETRY_AFTER) {
            body.drain();
            SimResponse r = errorResponse(lie.status(), Json.reason(lie.status()), req).header("Retry-After", lie.retryAfterValue());
            return new Told(lie, r, null, null, List.of());
        }
        // paging stuck: GET lists have no side effects, so the honest page can be built too, for the journal
        SimResponse honest = process(req);
        SimRequest firstPage = new SimRequest(req.method(), req.path(), withoutOffset(req.rawQuery()), headers, body, baseUrl);
        SimResponse served = process(firstPage);
        return new Told(lie, served, text(honest), text(served), List.of());
    }

    /** Lies about an honest answer: a rewritten JSON body, or the honest body sent in a lying way. */
    private Told tellAfter(String method, String path, String rawQuery, SimResponse resp) {
        String ct = resp.headers.getOrDefault("Content-Type", "");
        boolean json = resp.body != null && ct.startsWith("application/json");
        com.fasterxml.jackson.databind.JsonNode served = json ? Json.parse(resp.body) : null;
        Lies.Told t = lies.matchAfter(method, path, rawQuery, resp.status, served, resp.bodyLength() != 0);
        if (t == null) {
            return null;
        }
        String honest = json ? text(resp) : null;
        if (t.lie().onTheWire()) {
            return new Told(t.lie(), resp, honest, null, List.of());
        }
        SimResponse out = SimResponse.json(resp.status, served);
        resp.headers.forEach(out::header);
        return new Told(t.lie(), out, honest, text(out), t.mutations());
    }

    private static String text(SimResponse r) {
        return r.body == null ? null : new String(r.body, StandardCharsets.UTF_8);
    }

    private static String withoutOffset(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String part : rawQuery.split("&")) {
            if (!part.isEmpty() && !part.startsWith("offset=") && !part.equals("offset")) {
                out.append(out.length() == 0 ? "" : "&").append(part);
            }
        }
        return out.toString();
    }

    private static byte[] bodyBytes(SimResponse resp) throws IOException {
        if (resp.writer == null) {
            return resp.body;
        }
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        resp.writer.writeTo(bos);
        return bos.toByteArray();
    }

    /** The honest bytes under an honest Content-Length, one byte per interval. */
    private void writeTrickling(HttpExchange ex, SimResponse resp, java.time.Duration perByte) throws IOException {
        byte[] b = bodyBytes(resp);
        resp.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(resp.status, b.length);
        OutputStream out = ex.getResponseBody();
        for (int i = 0; i < b.length && !closed; i++) {
            out.write(b[i]);
            out.flush();
            if (i + 1 < b.length && !pause(perByte)) {
                reset(ex);
                return;
            }
        }
        out.close();
        ex.close();
    }

    /** The honest body without its last byte, then whitespace for ever; ends only when the client or the simulator goes. */
    private void writeNeverEnding(HttpExchange ex, SimResponse resp, java.time.Duration every) {
        try {
            byte[] b = bodyBytes(resp);
            resp.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(resp.status, 0);
            OutputStream out = ex.getResponseBody();
            out.write(b, 0, Math.max(0, b.length - 1));
            out.flush();
            byte[] filler = NEVER_ENDING_FILLER;
            while (!closed && pause(every)) {
                out.write(filler);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the client went away: that is how this answer ends
        }
        // never a clean end of the chunked body: the connection is dropped
        reset(ex);
    }

    private static final byte[] NEVER_ENDING_FILLER = "        ".getBytes(StandardCharsets.US_ASCII);

    /** Sleeps; false when interrupted (the simulator is closing). */
    private static boolean pause(java.time.Duration d) {
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> redact(Map<String, String> headers) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        out.putAll(headers);
        String a = out.get("Authorization");
        if (a != null) {
            out.put("Authorization", AuthGate.scheme(a));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Strict checks, rate limit, token gate, routing and the handler; errors become responses. */
    private SimResponse process(SimRequest req) {
        try {
            String secret = strict.checkSecrets(req);
            if (secret != null) {
                throw strict.violation(req, secret);
            }
            if (AuthGate.needsToken(req.path())) {
                if (rateLimiter != null && !rateLimiter.tryAcquire()) {
                    SimResponse r = errorResponse(429, "Too Many Requests", req);
                    r.header("Retry-After", String.valueOf(rateLimiter.retryAfterSeconds()));
                    return r;
                }
                req.token(gate.check(req));
            }
            Router.Match m = router.route(req.method(), req.path());
            if (m.handler == null) {
                return errorResponse(m.errorStatus, Json.reason(m.errorStatus), req);
            }
            req.pathParams(m.params);
            return m.handler.handle(req);
        } catch (ApiException e) {
            if (e.response != null) {
                return e.response;
            }
            return errorResponse(e.status, e.getMessage(), req);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            LOG.log(System.Logger.Level.WARNING, "handler failed for " + req.method() + " " + req.path(), e);
            return errorResponse(500, "Internal Server Error", req);
        }
    }

    private static SimResponse errorResponse(int status, String message, SimRequest req) {
        if (req.path().startsWith("/token/")) {
            com.fasterxml.jackson.databind.node.ObjectNode n = Json.object();
            n.put("status", status == 401 ? "FAILURE_BAD_CREDENTIAL" : status == 400 ? "FAILURE_BAD_HEADER" : "FAILURE");
            n.put("statusMessage", message);
            return SimResponse.json(status, n);
        }
        return SimResponse.json(status, Json.error(status, message, req.path()));
    }

    private static long write(HttpExchange ex, SimResponse resp) throws IOException {
        resp.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        long len = resp.bodyLength();
        if (len == 0 || resp.status == 204 || resp.status == 304) {
            ex.sendResponseHeaders(resp.status, -1);
            ex.close();
            return 0;
        }
        ex.sendResponseHeaders(resp.status, len < 0 ? 0 : len);
        try (OutputStream out = ex.getResponseBody()) {
            if (resp.writer != null) {
                resp.writer.writeTo(out);
            } else {
                out.write(resp.body);
            }
        }
        ex.close();
        return len;
    }

    private static final byte[] TRUNCATED_BODY = ("{\"meta\":{\"schema\":\"https://api.anaplan.com/2/0/objects/truncated\"},"
            + "\"status\":{\"code\":200,\"message\":\"Success\"},\"items\":[{\"id\":\"1\",\"name\":\"truncated\"}]}")
            .getBytes(StandardCharsets.UTF_8);
    private static final int TRUNCATED_SIZE = TRUNCATED_BODY.length / 2;

    /** Declares the whole JSON body but sends only its first half, then closes. */
    private static void writeTruncated(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, TRUNCATED_BODY.length);
        OutputStream out = ex.getResponseBody();
        out.write(TRUNCATED_BODY, 0, TRUNCATED_SIZE);
        out.flush();
        try {
            ex.close();
        } catch (RuntimeException e) {
            // expected: fewer bytes than declared
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
