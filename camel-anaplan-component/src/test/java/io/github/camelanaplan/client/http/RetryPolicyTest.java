package io.github.camelanaplan.client.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import io.github.camelanaplan.client.error.AnaplanApiException;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.error.UnknownOutcomeException;
import io.github.camelanaplan.client.http.RetryPolicy.Action;
import io.github.camelanaplan.client.http.RetryPolicy.Decision;
import io.github.camelanaplan.client.http.RetryPolicy.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.camelanaplan.client.http.RequestKind.IDEMPOTENT;
import static io.github.camelanaplan.client.http.RequestKind.IDEMPOTENT_UNLESS_SLOW;
import static io.github.camelanaplan.client.http.RequestKind.NON_IDEMPOTENT;
import static io.github.camelanaplan.client.http.RequestKind.TASK_START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retry table of the product spec §5, row by row, and the retry budget. */
class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** 3 retries, 1 s first backoff, 2 min budget: the defaults. */
    private static RetryPolicy policy() {
        return RetryPolicy.of(CallOptions.defaults(), CLOCK, new SplittableRandom(42));
    }

    private static Outcome<Object> error(int status) {
        return Outcome.error(status, "message", null, "token");
    }

    private static Outcome<Object> outcome(String what) {
        switch (what) {
            case "refused":
                return Outcome.notSent(new ConnectException("refused"), "token");
            case "readTimeout":
                return Outcome.unknown(new SocketTimeoutException("Read timed out"), RetryCause.READ_TIMEOUT, "token");
            case "reset":
                return Outcome.unknown(new IOException("Connection reset"), RetryCause.CONNECTION_RESET, "token");
            case "malformed":
                return Outcome.malformed(200, new IOException("an HTML page"), "token");
            case "tooSlow":
                return Outcome.tooSlow(200, new IOException("did not end"), "token");
            case "fatal":
                return Outcome.fatal(new AnaplanException("TLS handshake failed"));
            default:
                return error(Integer.parseInt(what));
        }
    }

    /** outcome, kind, retried?, cause label when retried. */
    static Stream<Arguments> table() {
        return Stream.of(
                // connection refused: the request never left, every kind is retried
                Arguments.of("refused", IDEMPOTENT, "connection refused"),
                Arguments.of("refused", IDEMPOTENT_UNLESS_SLOW, "connection refused"),
                Arguments.of("refused", NON_IDEMPOTENT, "connection refused"),
                Arguments.of("refused", TASK_START, "connection refused"),
                // read timeout: only plain idempotent requests (a slow one could still land later)
                Arguments.of("readTimeout", IDEMPOTENT, "read timeout"),
                Arguments.of("readTimeout", IDEMPOTENT_UNLESS_SLOW, null),
                Arguments.of("readTimeout", NON_IDEMPOTENT, null),
                Arguments.of("readTimeout", TASK_START, null),
                // reset: the idempotent kinds
                Arguments.of("reset", IDEMPOTENT, "connection reset"),
                Arguments.of("reset", IDEMPOTENT_UNLESS_SLOW, "connection reset"),
                Arguments.of("reset", NON_IDEMPOTENT, null),
                Arguments.of("reset", TASK_START, null),
                // a 2xx that is not an API answer, or too slow to end: the idempotent kinds
                Arguments.of("malformed", IDEMPOTENT, "malformed response"),
                Arguments.of("malformed", IDEMPOTENT_UNLESS_SLOW, "malformed response"),
                Arguments.of("malformed", NON_IDEMPOTENT, null),
                Arguments.of("malformed", TASK_START, null),
                Arguments.of("tooSlow", IDEMPOTENT, "slow answer"),
                Arguments.of("tooSlow", IDEMPOTENT_UNLESS_SLOW, "slow answer"),
                Arguments.of("tooSlow", NON_IDEMPOTENT, null),
                Arguments.of("tooSlow", TASK_START, null),
                // 429 and 503: the server did not act, every kind
                Arguments.of("429", IDEMPOTENT, "HTTP 429"),
                Arguments.of("429", NON_IDEMPOTENT, "HTTP 429"),
                Arguments.of("429", TASK_START, "HTTP 429"),
                Arguments.of("503", IDEMPOTENT_UNLESS_SLOW, "HTTP 503"),
                Arguments.of("503", NON_IDEMPOTENT, "HTTP 503"),
                Arguments.of("503", TASK_START, "HTTP 503"),
                // 500, 502, 504: idempotent requests only (task starts look in the task list, others fail)
                Arguments.of("500", IDEMPOTENT, "HTTP 500"),
                Arguments.of("502", IDEMPOTENT_UNLESS_SLOW, "HTTP 502"),
                Arguments.of("504", IDEMPOTENT, "HTTP 504"),
                Arguments.of("500", NON_IDEMPOTENT, null),
                Arguments.of("504", NON_IDEMPOTENT, null),
                Arguments.of("500", TASK_START, null),
                Arguments.of("502", TASK_START, null),
                Arguments.of("504", TASK_START, null),
                // model busy: task starts only
                Arguments.of("409", TASK_START, "model busy (HTTP 409)"),
                Arguments.of("423", TASK_START, "model busy (HTTP 423)"),
                Arguments.of("409", IDEMPOTENT, null),
                Arguments.of("423", NON_IDEMPOTENT, null),
                // plain client errors and what no retry can change
                Arguments.of("400", IDEMPOTENT, null),
                Arguments.of("403", TASK_START, null),
                Arguments.of("404", IDEMPOTENT, null),
                Arguments.of("501", IDEMPOTENT, null),
                Arguments.of("fatal", IDEMPOTENT, null));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("table")
    void decisionTable(String what, RequestKind kind, String retriedAs) {
        for (int attempt = 1; attempt <= 4; attempt++) {
            Decision decision = policy().decide(kind, true, outcome(what), new Progress(attempt, false, Duration.ZERO));
            boolean withinRetries = attempt <= io.github.camelanaplan.client.Defaults.RETRY_COUNT;
            if (retriedAs != null && withinRetries) {
                assertThat(decision.action()).as("attempt %d", attempt).isEqualTo(Action.RETRY);
                assertThat(decision.causeLabel()).isEqualTo(retriedAs);
                assertThat(decision.delay()).isPositive();
            } else {
                assertThat(decision.action()).as("attempt %d", attempt).isEqualTo(Action.FAIL);
                assertThat(decision.reason()).isNull();
            }
        }
    }

    @ParameterizedTest(name = "401 on {0}")
    @CsvSource({ "IDEMPOTENT", "IDEMPOTENT_UNLESS_SLOW", "NON_IDEMPOTENT", "TASK_START" })
    void unauthorizedRenewsTheTokenOncePerCallAndOnlyWhenItCan(RequestKind kind) {
        assertThat(policy().decide(kind, true, error(401), Progress.first()).action()).isEqualTo(Action.RENEW_TOKEN);
        // the replay after renewing is the same attempt: a second 401 fails
        Progress renewed = Progress.first().renewed();
        assertThat(renewed.attempt()).isEqualTo(1);
        assertThat(policy().decide(kind, true, error(401), renewed).action()).isEqualTo(Action.FAIL);
        // renewal is allowed at any attempt, once
        assertThat(policy().decide(kind, true, error(401), new Progress(4, false, Duration.ofSeconds(3))).action())
                .isEqualTo(Action.RENEW_TOKEN);
        // a login call (no token) or a client without a token source: 401 is final
        assertThat(policy().decide(kind, false, error(401), Progress.first()).action()).isEqualTo(Action.FAIL);
    }

    @Test
    void retryCountZeroNeverRetries() {
        RetryPolicy none = RetryPolicy.of(CallOptions.defaults().withRetryCount(0), CLOCK, new SplittableRandom(1));
        assertThat(none.decide(IDEMPOTENT, true, error(503), Progress.first()).action()).isEqualTo(Action.FAIL);
        assertThat(none.decide(IDEMPOTENT, true, error(401), Progress.first()).action()).isEqualTo(Action.RENEW_TOKEN);
    }

    @Test
    void retryAfterWinsOverBackoff() {
        Outcome<Object> busy = Outcome.error(429, "slow down", "7", "token");
        Decision decision = policy().decide(IDEMPOTENT, true, busy, Progress.first());
        assertThat(decision.action()).isEqualTo(Action.RETRY);
        assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(7));
        Outcome<Object> dated = Outcome.error(503, null, "Fri, 04 Dec 2026 12:00:30 GMT", "token");
        assertThat(policy().decide(TASK_START, true, dated, Progress.first()).delay()).isEqualTo(Duration.ofSeconds(30));
        Outcome<Object> past = Outcome.error(503, null, "Fri, 04 Dec 2026 11:00:00 GMT", "token");
        assertThat(policy().decide(TASK_START, true, past, Progress.first()).delay()).isZero();
    }

    @Test
    void garbageRetryAfterFallsBackToBackoff() {
        Outcome<Object> busy = Outcome.error(429, null, "soon", "token");
        Decision decision = policy().decide(IDEMPOTENT, true, busy, Progress.first());
        assertThat(decision.action()).isEqualTo(Action.RETRY);
        // first retry: between half and all of the 1 s backoff
        assertThat(decision.delay()).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void retryAfterLongerThanTheBudgetFailsAtOnceNamingTheWait() {
        Outcome<Object> busy = Outcome.error(429, "Too Many Requests", "86400", "token");
        Decision decision = policy().decide(IDEMPOTENT, true, busy, Progress.first());
        assertThat(decision.action()).isEqualTo(Action.FAIL);
        assertThat(decision.reason()).contains("86400 s").contains("Retry-After").contains("maxRetryWait (2m)");
        AnaplanException failure = busy.failure(ApiRequest.get("https://api/x").segment("files").query("secret", "1").step("list files").build(), decision.reason());
        assertThat(failure).isInstanceOf(AnaplanApiException.class)
                .hasMessageContaining("HTTP 429").hasMessageContaining("86400 s").hasMessageContaining("maxRetryWait")
                .hasMessageContaining("GET /x/files").hasMessageNotContaining("secret");
        // even with no retries left the failure names the wait asked for
        Decision last = policy().decide(IDEMPOTENT, true, busy, new Progress(4, false, Duration.ZERO));
        assertThat(last.reason()).contains("86400 s");
    }

    @Test
    void retryAfterLongerThanWhatIsLeftOfTheBudgetFails() {
        Outcome<Object> busy = Outcome.error(503, null, "60", "token");
        assertThat(policy().decide(IDEMPOTENT, true, busy, new Progress(2, false, Duration.ofSeconds(60))).action())
                .isEqualTo(Action.RETRY);
        Decision over = policy().decide(IDEMPOTENT, true, busy, new Progress(2, false, Duration.ofSeconds(61)));
        assertThat(over.action()).isEqualTo(Action.FAIL);
        assertThat(over.reason()).contains("60 s").contains("after 61s waited");
    }

    @Test
    void backoffBeyondTheBudgetFails() {
        RetryPolicy small = RetryPolicy.of(CallOptions.defaults().withRetryCount(10).withMaxRetryWait(Duration.ofSeconds(5)),
                CLOCK, new SplittableRandom(7));
        Progress progress = Progress.first();
        Duration waited = Duration.ZERO;
        Decision decision;
        while ((decision = small.decide(IDEMPOTENT, true, error(503), progress)).action() == Action.RETRY) {
            waited = waited.plus(decision.delay());
            progress = progress.retried(decision.delay());
        }
        assertThat(waited).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(progress.waited()).isEqualTo(waited);
        assertThat(progress.attempt()).isBetween(2, 10);
    }

    @Test
    void zeroBudgetAllowsOnlyImmediateRetries() {
        RetryPolicy noWait = RetryPolicy.of(CallOptions.defaults().withMaxRetryWait(Duration.ZERO), CLOCK,
                new SplittableRandom(3));
        assertThat(noWait.decide(IDEMPOTENT, true, error(503), Progress.first()).action()).isEqualTo(Action.FAIL);
        Outcome<Object> now = Outcome.error(429, null, "0", "token");
        assertThat(noWait.decide(IDEMPOTENT, true, now, Progress.first()).action()).isEqualTo(Action.RETRY);
    }

    @Test
    void aSuccessIsNotForThePolicy() {
        assertThatThrownBy(() -> policy().decide(IDEMPOTENT, true, Outcome.success("x", 200), Progress.first()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The exceptions the failed outcomes describe themselves with are those the callers rely on. */
    @ParameterizedTest(name = "{0} on {1} fails as {2}")
    @CsvSource({
            "500, TASK_START, UnknownOutcomeException",
            "502, IDEMPOTENT, AnaplanApiException",
            "500, NON_IDEMPOTENT, AnaplanApiException",
            "400, TASK_START, AnaplanApiException",
            "readTimeout, IDEMPOTENT, AnaplanException",
            "readTimeout, IDEMPOTENT_UNLESS_SLOW, UnknownOutcomeException",
            "reset, NON_IDEMPOTENT, UnknownOutcomeException",
            "reset, TASK_START, UnknownOutcomeException",
            "malformed, TASK_START, UnknownOutcomeException",
            "malformed, NON_IDEMPOTENT, AnaplanException",
            "tooSlow, TASK_START, UnknownOutcomeException",
            "refused, TASK_START, AnaplanException" })
    void failuresKeepTheirTypes(String what, RequestKind kind, String type) {
        ApiRequest call = ApiRequest.post("https://api/2/0").segments("imports", "1", "tasks").kind(kind)
                .step("start import").build();
        AnaplanException failure = outcome(what).failure(call, null);
        assertThat(failure.getClass().getSimpleName()).isEqualTo(type);
        if (!"UnknownOutcomeException".equals(type)) {
            assertThat(failure).isNotInstanceOf(UnknownOutcomeException.class);
        }
        assertThat(failure.getMessage()).contains("start import").contains("POST /2/0/imports/1/tasks");
    }
}
