package io.github.camelanaplan.client.http;

import io.github.camelanaplan.client.ClientSettings;
import io.github.camelanaplan.client.ClientStats;
import io.github.camelanaplan.client.error.AnaplanApiException;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.error.UnknownOutcomeException;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PushbackInputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP layer of a client: a pooled Apache HttpClient 5, the token header, the rate limiter, and the retry rules
 * of the product spec §5. Knows nothing of Anaplan's payloads.
 * <p>
 * Retried: connection failures before the request was sent, 429 (honouring {@code Retry-After}), 500, 502, 503, 504;
 * idempotent requests also after a reset, read timeout or malformed answer; task starts also on 409/423 (model
 * busy). A task start whose outcome is unknown is not re-sent: {@link UnknownOutcomeException} goes to the caller.
 * A 401 renews the token once and replays the request.
 */
public final class Transport implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
    private static final long MAX_RETRY_AFTER_MILLIS = TimeUnit.SECONDS.toMillis(120);
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final ClientSettings settings;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient http;
    private final RateLimiter rateLimiter;
    private final ClientStats stats;
    private volatile TokenSource tokens;

    public Transport(ClientSettings settings, ClientStats stats) {
        this.settings = settings;
        this.stats = stats;
        this.rateLimiter = new RateLimiter(settings.maxRequestsPerMinute());
        Timeout timeout = Timeout.of(settings.timeout());
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout)
                        .setSocketTimeout(timeout)
                        // a pooled connection idle for a while may have been closed by the server: check it first
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build());
        if (settings.sslContext() != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(settings.sslContext()));
        }
        this.connections = pool.build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(Timeout.ofMinutes(5))
                        .build())
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("camel-anaplan");
        if (settings.proxyHost() != null && !settings.proxyHost().isBlank()) {
            HttpHost proxy = new HttpHost(settings.proxyHost(), settings.proxyPort() > 0 ? settings.proxyPort() : 8080);
            builder.setProxy(proxy);
            if (settings.proxyUsername() != null) {
                BasicCredentialsProvider proxyCredentials = new BasicCredentialsProvider();
                String password = settings.proxyPassword() == null ? "" : settings.proxyPassword();
                proxyCredentials.setCredentials(new AuthScope(proxy),
                        new UsernamePasswordCredentials(settings.proxyUsername(), password.toCharArray()));
                builder.setDefaultCredentialsProvider(proxyCredentials);
            }
        }
        this.http = builder.build();
    }

    public void tokenSource(TokenSource tokens) {
        this.tokens = tokens;
    }

    public ClientStats stats() {
        return stats;
    }

    /** Connections leased and idle in the pool. */
    public PoolStats poolStats() {
        return connections.getTotalStats();
    }

    /** Sends the call, retrying and renewing the token as the rules say; returns what the reader made of the 2xx body. */
    public <T> T execute(ApiRequest call, ResponseReader<T> reader) {
        long deadline = System.nanoTime() + settings.retryDeadline().toNanos();
        boolean tokenRenewed = false;
        int attempt = 0;
        while (true) {
            attempt++;
            Outcome<T> outcome = attempt(call, reader);
            if (outcome.value != null || outcome.success) {
                return outcome.value;
            }
            if (outcome.status == 401 && call.authenticated() && !tokenRenewed && tokens != null) {
                // the token died (expired early, revoked, logged out): renew once, replay
                tokenRenewed = true;
                attempt--;
                tokens.rejected(outcome.tokenUsed);
                continue;
            }
            String cause = retryCause(call.kind(), outcome);
            if (cause == null) {
                throw outcome.failure(call);
            }
            long waitMillis = outcome.retryAfterMillis >= 0 ? outcome.retryAfterMillis : backoffMillis(attempt);
            if (attempt > settings.retryCount() || System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis) > deadline) {
                throw outcome.failure(call);
            }
            stats.retry(cause);
            LOG.debug("{} ({} {}): {}; retry {} of {} in {} ms", call.step(), call.method(), call.path(), cause, attempt,
                    settings.retryCount(), waitMillis);
            sleep(waitMillis);
        }
    }

    private <T> Outcome<T> attempt(ApiRequest call, ResponseReader<T> reader) {
        rateLimiter.acquire();
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), java.net.URI.create(call.url()));
        for (Map.Entry<String, String> header : call.headers().entrySet()) {
            request.setHeader(header.getKey(), header.getValue());
        }
        String token = null;
        if (call.authenticated() && tokens != null) {
            token = tokens.token();
            request.setHeader("Authorization", "AnaplanAuthToken " + token);
        }
        HttpEntity entity = call.body() == null ? null : call.body().get();
        if (entity != null) {
            request.setEntity(entity);
        }
        stats.request();
        long start = System.nanoTime();
        final String tokenUsed = token;
        try {
            Outcome<T> outcome = http.execute(request, response -> readResponse(call, reader, response, tokenUsed));
            if (entity != null) {
                stats.sent(entity.getContentLength());
            }
            LOG.debug("{} {} -> {} in {} ms", call.method(), call.path(), outcome.status,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return outcome;
        } catch (MalformedResponse e) {
            return Outcome.malformed(e.status, e.getCause(), tokenUsed);
        } catch (ConnectException | ConnectTimeoutException | NoRouteToHostException e) {
            return Outcome.notSent(e, tokenUsed);
        } catch (UnknownHostException e) {
            return Outcome.fatal(new AnaplanException(call.step() + " failed: unknown host in " + call.path() + " (" + e.getMessage() + ")", e));
        } catch (SSLException e) {
            // certificate or protocol mismatch: retrying cannot help
            return Outcome.fatal(new AnaplanException(call.step() + " failed: TLS handshake with " + call.path()
                                                      + " failed: " + e.getMessage(), e));
        } catch (InterruptedIOException e) {
            if (e instanceof SocketTimeoutException || !Thread.currentThread().isInterrupted()) {
                return Outcome.unknown(e, "read timeout", tokenUsed);
            }
            throw new AnaplanException(call.step() + " interrupted", e);
        } catch (IOException e) {
            return Outcome.unknown(e, "connection reset", tokenUsed);
        } catch (IllegalStateException e) {
            // HttpClient's pool refuses leases once closed
            throw new AnaplanException(call.step() + " failed: the Anaplan client is closed", e);
        }
    }

    private <T> Outcome<T> readResponse(ApiRequest call, ResponseReader<T> reader, ClassicHttpResponse response,
                                        String tokenUsed) throws IOException {
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        Header retryAfter = response.getFirstHeader("Retry-After");
        if (status >= 200 && status < 300) {
            Header typeHeader = response.getFirstHeader("Content-Type");
            String contentType = entity != null && entity.getContentType() != null ? entity.getContentType()
                    : typeHeader == null ? null : typeHeader.getValue();
            InputStream body = entity == null ? InputStream.nullInputStream() : new CountingStream(entity.getContent(), stats);
            try {
                body = checkBody(status, contentType, body);
                T value = reader.read(status, contentType, body);
                return Outcome.success(value, status);
            } catch (IOException | RuntimeException e) {
                if (e instanceof AnaplanException) {
                    throw e;
                }
                throw new MalformedResponse(status, e);
            }
        }
        byte[] errorBody = entity == null ? new byte[0] : entity.getContent().readNBytes(MAX_ERROR_BODY);
        stats.received(errorBody.length);
        return Outcome.error(status, statusMessage(errorBody), parseRetryAfter(retryAfter == null ? null : retryAfter.getValue()),
                tokenUsed);
    }

    /**
     * No Anaplan API answers a success with an HTML page or with an empty body declared as JSON: those come from a
     * proxy or gateway that did not pass the request on (or cut the answer), so they are malformed answers, never
     * content to keep (a chunk) or a "done" to believe (a chunk PUT). A 204 has no body by definition.
     */
    private static InputStream checkBody(int status, String contentType, InputStream body) throws IOException {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT).trim();
        if (type.startsWith("text/html")) {
            throw new IOException("an HTML page (" + contentType + ") instead of an API answer");
        }
        if (type.contains("json") && status != 204) {
            PushbackInputStream peek = new PushbackInputStream(body, 1);
            int first = peek.read();
            if (first < 0) {
                throw new IOException("an empty body declared as " + contentType);
            }
            peek.unread(first);
            return peek;
        }
        return body;
    }

    /** Why the outcome may be retried, or null when it must not be. */
    private static String retryCause(RequestKind kind, Outcome<?> outcome) {
        switch (outcome.type) {
            case NOT_SENT:
                return "connection refused";
            case UNKNOWN:
                boolean stillInFlight = "read timeout".equals(outcome.unknownCause);
                return kind == RequestKind.IDEMPOTENT || kind == RequestKind.IDEMPOTENT_UNLESS_SLOW && !stillInFlight
                        ? outcome.unknownCause : null;
            case MALFORMED:
                return kind == RequestKind.IDEMPOTENT || kind == RequestKind.IDEMPOTENT_UNLESS_SLOW
                        ? "malformed response" : null;
            case ERROR:
                int status = outcome.status;
                if (status == 429 || status == 503) {
                    return "HTTP " + status;
                }
                if (status == 500 || status == 502 || status == 504) {
                    // a gateway error may come after the server acted: a task start must check the task list instead
                    return kind == RequestKind.TASK_START ? null : "HTTP " + status;
                }
                if ((status == 409 || status == 423) && kind == RequestKind.TASK_START) {
                    return "model busy (HTTP " + status + ")";
                }
                return null;
            default:
                return null;
        }
    }

    private long backoffMillis(int attempt) {
        long base = settings.retryBackoff().toMillis();
        long exponential = base * (1L << Math.min(attempt - 1, 10));
        // jitter: somewhere between half and the full exponential delay, so parallel chunks do not retry in lockstep
        return exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
    }

    static long parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        String v = value.trim();
        try {
            return Math.min(MAX_RETRY_AFTER_MILLIS, Math.max(0, Long.parseLong(v) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                long millis = Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis();
                return Math.min(MAX_RETRY_AFTER_MILLIS, Math.max(0, millis));
            } catch (DateTimeParseException notDate) {
                return -1;
            }
        }
    }

    /** The message from an Anaplan error body: {@code status.message}, auth {@code statusMessage}, OAuth {@code error_description}. */
    static String statusMessage(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node != null && node.isObject()) {
                JsonNode status = node.path("status");
                if (status.isObject() && status.hasNonNull("message")) {
                    return status.get("message").asText();
                }
                if (node.hasNonNull("statusMessage")) {
                    return node.get("statusMessage").asText();
                }
                if (node.hasNonNull("error_description")) {
                    return node.get("error_description").asText();
                }
                if (status.isTextual()) {
                    return status.asText();
                }
            }
        } catch (IOException notJson) {
            // fall through: not JSON
        }
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).trim();
        return text.startsWith("<") ? "non-JSON error page" : text.replaceAll("\\s+", " ");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnaplanException("Interrupted while waiting to retry", e);
        }
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
        connections.close(CloseMode.GRACEFUL);
    }

    private enum OutcomeType {
        SUCCESS,
        ERROR,
        NOT_SENT,
        UNKNOWN,
        MALFORMED,
        FATAL
    }

    /** What one attempt gave. */
    private static final class Outcome<T> {
        final OutcomeType type;
        final boolean success;
        final T value;
        final int status;
        final String message;
        final long retryAfterMillis;
        final Throwable cause;
        final String unknownCause;
        final String tokenUsed;
        final AnaplanException fatal;

        private Outcome(OutcomeType type, T value, int status, String message, long retryAfterMillis, Throwable cause,
                        String unknownCause, String tokenUsed, AnaplanException fatal) {
            this.type = type;
            this.success = type == OutcomeType.SUCCESS;
            this.value = value;
            this.status = status;
            this.message = message;
            this.retryAfterMillis = retryAfterMillis;
            this.cause = cause;
            this.unknownCause = unknownCause;
            this.tokenUsed = tokenUsed;
            this.fatal = fatal;
        }

        static <T> Outcome<T> success(T value, int status) {
            return new Outcome<>(OutcomeType.SUCCESS, value, status, null, -1, null, null, null, null);
        }

        static <T> Outcome<T> error(int status, String message, long retryAfterMillis, String token) {
            return new Outcome<>(OutcomeType.ERROR, null, status, message, retryAfterMillis, null, null, token, null);
        }

        static <T> Outcome<T> notSent(Throwable cause, String token) {
            return new Outcome<>(OutcomeType.NOT_SENT, null, -1, null, -1, cause, null, token, null);
        }

        static <T> Outcome<T> unknown(Throwable cause, String what, String token) {
            return new Outcome<>(OutcomeType.UNKNOWN, null, -1, null, -1, cause, what, token, null);
        }

        static <T> Outcome<T> malformed(int status, Throwable cause, String token) {
            return new Outcome<>(OutcomeType.MALFORMED, null, status, null, -1, cause, null, token, null);
        }

        static <T> Outcome<T> fatal(AnaplanException e) {
            return new Outcome<>(OutcomeType.FATAL, null, -1, null, -1, e, null, null, e);
        }

        AnaplanException failure(ApiRequest call) {
            switch (type) {
                case ERROR:
                    AnaplanApiException error = new AnaplanApiException(call.step(), call.method(), call.path(), status, message);
                    if (call.kind() == RequestKind.TASK_START && (status == 500 || status == 502 || status == 504)) {
                        // a gateway error may come after the server acted: the caller looks in the task list
                        return new UnknownOutcomeException(error.getMessage() + "; the server may have acted on it", error);
                    }
                    return error;
                case NOT_SENT:
                    return new AnaplanException(call.step() + " failed: could not connect (" + call.method() + " "
                                                + call.path() + "): " + cause.getMessage(), cause);
                case UNKNOWN:
                    String text = call.step() + " failed: " + unknownCause + " (" + call.method() + " " + call.path()
                                  + "): " + cause.getMessage();
                    return call.kind() == RequestKind.IDEMPOTENT ? new AnaplanException(text, cause)
                            : new UnknownOutcomeException(text + "; the server may still act on it", cause);
                case MALFORMED:
                    String malformed = call.step() + " failed: malformed response to " + call.method() + " " + call.path()
                                       + " (HTTP " + status + "): " + cause.getMessage();
                    return call.kind() == RequestKind.TASK_START ? new UnknownOutcomeException(malformed, cause)
                            : new AnaplanException(malformed, cause);
                default:
                    return fatal;
            }
        }
    }

    /** Marks a 2xx whose body could not be read as expected. */
    private static final class MalformedResponse extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        MalformedResponse(int status, Throwable cause) {
            super(cause);
            this.status = status;
        }
    }

    /** Counts bytes read from a response body. */
    private static final class CountingStream extends FilterInputStream {
        private final ClientStats stats;

        CountingStream(InputStream in, ClientStats stats) {
            super(in);
            this.stats = stats;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                stats.received(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            stats.received(n);
            return n;
        }
    }
}
