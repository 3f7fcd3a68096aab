package io.github.camelanaplan.client.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The retry rules of the product spec §5 as a pure decision: from what an attempt gave and how far the call has got,
 * whether to retry (and after how long), renew the token and replay, or fail (and why). No I/O, no sleeping: the
 * clock (for Retry-After dates) and the random source (for backoff jitter) are injected.
 * <p>
 * Retried: connection failures before the request was sent; 429 and 503 (honouring Retry-After); 500, 502, 504 for
 * idempotent requests only (the server may have acted: a task start's caller looks in the task list, another
 * non-idempotent call fails saying so); 409/423 (model busy) for task
 * starts; after a reset, {@link RequestKind#IDEMPOTENT} and {@link RequestKind#IDEMPOTENT_UNLESS_SLOW} requests; after
 * a read timeout, only {@link RequestKind#IDEMPOTENT}; a 2xx whose body is malformed or too slow, the idempotent kinds.
 * A 401 renews the token once per call and replays without counting as a retry. At most {@code retryCount} retries,
 * and at most {@code maxRetryWait} waited in total: a Retry-After asking for longer than is left fails the call at
 * once, naming the wait asked for.
 */
public final class RetryPolicy {

    private final int retryCount;
    private final Duration maxRetryWait;
    private final Backoff backoff;
    private final Clock clock;

    public RetryPolicy(int retryCount, Duration maxRetryWait, Backoff backoff, Clock clock) {
        if (retryCount < 0) {
            throw new IllegalArgumentException("retryCount must be 0 or more, was " + retryCount);
        }
        this.retryCount = retryCount;
        this.maxRetryWait = Objects.requireNonNull(maxRetryWait, "maxRetryWait");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The policy of these call options, on the system clock with thread-local jitter. */
    public static RetryPolicy of(CallOptions options) {
        RandomGenerator threadLocal = () -> java.util.concurrent.ThreadLocalRandom.current().nextLong();
        return of(options, Clock.systemUTC(), threadLocal);
    }

    public static RetryPolicy of(CallOptions options, Clock clock, RandomGenerator random) {
        return new RetryPolicy(options.retryCount(), options.maxRetryWait(), new Backoff(options.retryBackoff(), random),
                clock);
    }

    /** How far a call has got when an attempt ends. */
    public record Progress(int attempt, boolean tokenRenewed, Duration waited) {
        public static Progress first() {
            return new Progress(1, false, Duration.ZERO);
        }

        /** After a retry that waited {@code wait}. */
        public Progress retried(Duration wait) {
            return new Progress(attempt + 1, tokenRenewed, waited.plus(wait));
        }

        /** After renewing the token: the replay is the same attempt again. */
        public Progress renewed() {
            return new Progress(attempt, true, waited);
        }
    }

    /** What to do next. */
    public enum Action { RETRY, RENEW_TOKEN, FAIL }

    /**
     * @param delay  for RETRY: how long to wait first
     * @param cause  for RETRY: why
     * @param status the attempt's HTTP status (-1: none), for the cause's label
     * @param reason for FAIL: what to add to the attempt's own failure (null: nothing, it explains itself)
     */
    public record Decision(Action action, Duration delay, RetryCause cause, int status, String reason) {
        static Decision retry(RetryCause cause, int status, Duration wait) {
            return new Decision(Action.RETRY, wait, cause, status, null);
        }

        static Decision fail(String reason) {
            return new Decision(Action.FAIL, Duration.ZERO, null, -1, reason);
        }

        static final Decision RENEW = new Decision(Action.RENEW_TOKEN, Duration.ZERO, null, -1, null);

        /** "HTTP 503", "read timeout"...: the retry's cause as stats and listeners show it. */
        public String causeLabel() {
            return cause == null ? null : cause.label(status);
        }
    }

    /**
     * @param kind          how safe the request is to send again
     * @param canRenewToken whether the request carried a token that can be renewed
     * @param outcome       what the attempt gave (not a success)
     * @param progress      the attempt's number, whether the token was already renewed, the time waited so far
     */
    public Decision decide(RequestKind kind, boolean canRenewToken, Outcome<?> outcome, Progress progress) {
        if (outcome.isSuccess()) {
            throw new IllegalArgumentException("a success needs no decision");
        }
        if (outcome.type() == Outcome.Type.ERROR && outcome.status() == 401 && canRenewToken && !progress.tokenRenewed()) {
            // the token died (expired early, revoked, logged out): renew once, replay
            return Decision.RENEW;
        }
        RetryCause cause = cause(kind, outcome);
        if (cause == null) {
            return Decision.fail(null);
        }
        Duration asked = outcome.type() == Outcome.Type.ERROR ? RetryAfter.parse(outcome.retryAfter(), clock.instant()) : null;
        Duration left = maxRetryWait.minus(progress.waited());
        if (asked != null && asked.compareTo(left) > 0) {
            return Decision.fail("the server asked to retry after " + RetryAfter.describe(asked) + " (Retry-After), "
                                 + "more than maxRetryWait (" + CallOptions.describe(maxRetryWait) + ") allows after "
                                 + CallOptions.describe(progress.waited()) + " waited");
        }
        if (progress.attempt() > retryCount) {
            return Decision.fail(null);
        }
        Duration wait = asked != null ? asked : backoff.delay(progress.attempt());
        if (wait.compareTo(left) > 0) {
            return Decision.fail(null);
        }
        return Decision.retry(cause, outcome.status(), wait);
    }

    /** Why the outcome may be retried, or null when it must not be. */
    static RetryCause cause(RequestKind kind, Outcome<?> outcome) {
        boolean idempotent = kind == RequestKind.IDEMPOTENT || kind == RequestKind.IDEMPOTENT_UNLESS_SLOW;
        switch (outcome.type()) {
            case NOT_SENT:
                return RetryCause.CONNECTION_REFUSED;
            case UNKNOWN:
                // a slow first request could still land after its replay: only plain idempotent ones are re-sent
                boolean stillInFlight = outcome.unknownCause() == RetryCause.READ_TIMEOUT;
                return kind == RequestKind.IDEMPOTENT || kind == RequestKind.IDEMPOTENT_UNLESS_SLOW && !stillInFlight
                        ? outcome.unknownCause() : null;
            case MALFORMED:
                return idempotent ? RetryCause.MALFORMED_RESPONSE : null;
            case TOO_SLOW:
                return idempotent ? RetryCause.SLOW_ANSWER : null;
            case ERROR:
                int status = outcome.status();
                if (status == 429 || status == 503) {
                    return RetryCause.SERVER_BUSY;
                }
                if (status == 500 || status == 502 || status == 504) {
                    // a gateway error may come after the server acted: only what is safe to repeat is sent again (a
                    // task start checks the task list instead, other non-idempotent calls fail)
                    return idempotent ? RetryCause.SERVER_ERROR : null;
                }
                if ((status == 409 || status == 423) && kind == RequestKind.TASK_START) {
                    return RetryCause.MODEL_BUSY;
                }
                return null;
            default:
                return null;
        }
    }
}
