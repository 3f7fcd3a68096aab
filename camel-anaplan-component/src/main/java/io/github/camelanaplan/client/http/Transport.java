package io.github.camelanaplan.client.http;

import io.github.camelanaplan.client.ClientSettings;
import io.github.camelanaplan.client.ClientStats;
import io.github.camelanaplan.client.error.AnaplanException;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
 * One HTTP attempt of a call, over the engine's pooled Apache HttpClient 5: the token header, the engine's rate
 * limiter, stats and logging. What happens next (retry, renew, fail) is {@link RetryingCaller}'s business; this class
 * only says what the attempt gave ({@link Outcome}). Knows nothing of Anaplan's payloads.
 * <p>
 * Bounds, from the call's {@link CallOptions}: connect and every wait for an answer byte within {@code timeout}; an
 * answer read into memory (any reader but a {@link ResponseReader#stream stream} one) must also end within
 * {@code timeout} of its first byte (a watchdog aborts the connection) and may not exceed {@code maxResponseSize}; an
 * error body is read up to {@value #MAX_ERROR_BODY} bytes. An answer left unread is never drained: its connection is
 * discarded instead, so a server that never stops sending cannot hold a thread.
 */
public final class Transport implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient http;
    private final RateLimiter rateLimiter;
    private final ClientStats stats;
    private final ScheduledThreadPoolExecutor watchdog;
    private volatile TokenSource tokens;

    /**
     * @param settings the engine's: pool size, request rate, TLS, proxy; its call options' timeout is the connection
     *                 default each call overrides with its own
     */
    public Transport(ClientSettings settings, ClientStats stats) {
        this.stats = stats;
        this.rateLimiter = new RateLimiter(settings.maxRequestsPerMinute());
        Timeout timeout = Timeout.of(settings.callOptions().timeout());
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
                .setDefaultRequestConfig(requestConfig(settings.callOptions().timeout()))
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
        this.watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "anaplan-answer-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.setRemoveOnCancelPolicy(true);
    }

    @SuppressWarnings("deprecation") // the per-request connect timeout is still honoured, and is per call here
    private static RequestConfig requestConfig(Duration timeout) {
        return RequestConfig.custom()
                .setConnectTimeout(Timeout.of(timeout))
                .setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.ofMinutes(5))
                .build();
    }

    public void tokenSource(TokenSource tokens) {
        this.tokens = tokens;
    }

    /** Whether a 401 can be answered by renewing the token. */
    boolean renewsTokens() {
        return tokens != null;
    }

    /** The API answered 401 to this token: renew it (single-flight). */
    void tokenRejected(String token) {
        TokenSource source = tokens;
        if (source != null) {
            source.rejected(token);
        }
    }

    public ClientStats stats() {
        return stats;
    }

    /** Connections leased and idle in the pool. */
    public PoolStats poolStats() {
        return connections.getTotalStats();
    }

    /** Sends the call once with these options and tells what came of it. */
    public <T> Outcome<T> attempt(ApiRequest call, ResponseReader<T> reader, CallOptions options) {
        rateLimiter.acquire();
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), java.net.URI.create(call.url()));
        request.setConfig(requestConfig(options.timeout()));
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
        AnswerDeadline deadline = new AnswerDeadline(request);
        try {
            Outcome<T> outcome = http.execute(request, response -> {
                try {
                    Outcome<T> read = readResponse(call, reader, options, response, tokenUsed, deadline);
                    if (!deadline.finish()) {
                        // the watchdog dropped the connection just as the answer ended: keep the answer, skip the rest
                        throw new AttemptEnded(read);
                    }
                    return read;
                } catch (IOException | RuntimeException | Error e) {
                    // never let the client drain what is left of this answer (it may never end): drop the connection
                    request.cancel();
                    throw e;
                }
            });
            if (entity != null) {
                stats.sent(entity.getContentLength());
            }
            LOG.debug("{} {} -> {} in {} ms", call.method(), call.path(), outcome.status(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return outcome;
        } catch (AttemptEnded e) {
            @SuppressWarnings("unchecked")
            Outcome<T> outcome = (Outcome<T>) e.outcome;
            LOG.debug("{} {} -> {} ({}) in {} ms", call.method(), call.path(), outcome.status(), outcome.type(),
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
                return Outcome.unknown(e, RetryCause.READ_TIMEOUT, tokenUsed);
            }
            throw new AnaplanException(call.step() + " interrupted", e);
        } catch (IOException e) {
            return Outcome.unknown(e, RetryCause.CONNECTION_RESET, tokenUsed);
        } catch (IllegalStateException e) {
            // HttpClient's pool refuses leases once closed
            throw new AnaplanException(call.step() + " failed: the Anaplan client is closed", e);
        } finally {
            deadline.disarm();
        }
    }

    private <T> Outcome<T> readResponse(ApiRequest call, ResponseReader<T> reader, CallOptions options,
                                        ClassicHttpResponse response, String tokenUsed, AnswerDeadline deadline)
            throws IOException {
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        Header retryAfter = response.getFirstHeader("Retry-After");
        boolean inMemory = !(status >= 200 && status < 300 && reader.streamsBody());
        if (inMemory) {
            deadline.arm(watchdog, options.timeout());
        }
        if (status < 200 || status >= 300) {
            ErrorBody error = readErrorBody(entity, deadline);
            Outcome<T> outcome = Outcome.error(status, statusMessage(error.kept()),
                    retryAfter == null ? null : retryAfter.getValue(), tokenUsed);
            if (!error.whole()) {
                throw new AttemptEnded(outcome);
            }
            return outcome;
        }
        long limit = inMemory ? options.maxResponseSize() : Long.MAX_VALUE;
        long declared = entity == null ? -1 : entity.getContentLength();
        if (declared > limit) {
            throw new AttemptEnded(Outcome.fatal(tooLarge(call, options, declared + " bytes declared")));
        }
        Header typeHeader = response.getFirstHeader("Content-Type");
        String contentType = entity != null && entity.getContentType() != null ? entity.getContentType()
                : typeHeader == null ? null : typeHeader.getValue();
        SizeLimitedStream body = new SizeLimitedStream(
                entity == null ? InputStream.nullInputStream() : new CountingStream(entity.getContent(), stats), limit);
        try {
            T value = reader.read(status, contentType, checkBody(status, contentType, body));
            // read what the reader left, within the same bounds, so the pool never drains an endless answer
            body.transferTo(OutputStream.nullOutputStream());
            if (body.exceeded()) {
                throw new SizeLimitedStream.TooLarge();
            }
            return Outcome.success(value, status);
        } catch (IOException | RuntimeException e) {
            if (deadline.expired()) {
                throw new AttemptEnded(Outcome.tooSlow(status, new IOException("the answer did not end within the timeout ("
                        + CallOptions.describe(options.timeout()) + "); " + body.count() + " bytes had arrived", e), tokenUsed));
            }
            if (body.exceeded()) {
                // nothing of a capped answer is returned, even if the reader made something of its beginning
                throw new AttemptEnded(Outcome.fatal(tooLarge(call, options, "more than " + options.maxResponseSize()
                                                                               + " bytes arrived")));
            }
            if (e instanceof AnaplanException) {
                throw e;
            }
            throw new MalformedResponse(status, e);
        }
    }

    /** What was kept of an error body, and whether that was all of it. */
    private record ErrorBody(byte[] kept, boolean whole) {
    }

    /** At most {@value #MAX_ERROR_BODY} bytes of an error body; the rest is left unread (its connection dropped). */
    private ErrorBody readErrorBody(HttpEntity entity, AnswerDeadline deadline) throws IOException {
        if (entity == null) {
            return new ErrorBody(new byte[0], true);
        }
        try {
            InputStream in = entity.getContent();
            byte[] body = in.readNBytes(MAX_ERROR_BODY);
            stats.received(body.length);
            return new ErrorBody(body, body.length < MAX_ERROR_BODY || in.read() < 0);
        } catch (IOException e) {
            if (!deadline.expired()) {
                throw e;
            }
            // an error body too slow to arrive: the status alone still tells the retry policy enough
            return new ErrorBody(new byte[0], false);
        }
    }

    private static AnaplanException tooLarge(ApiRequest call, CallOptions options, String detail) {
        return new AnaplanException(call.step() + " failed: the answer to " + call.method() + " " + call.path()
                                    + " is larger than maxResponseSize (" + CallOptions.describeSize(options.maxResponseSize())
                                    + "): " + detail);
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

    @Override
    public void close() {
        watchdog.shutdownNow();
        http.close(CloseMode.GRACEFUL);
        connections.close(CloseMode.GRACEFUL);
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

    /** Carries an attempt's outcome out of the response handler past the client's own handling of the rest. */
    private static final class AttemptEnded extends IOException {
        private static final long serialVersionUID = 1L;
        final transient Outcome<?> outcome;

        AttemptEnded(Outcome<?> outcome) {
            super("attempt ended: " + outcome.type());
            this.outcome = outcome;
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
