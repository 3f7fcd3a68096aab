package io.github.camelanaplan.client.http;

import io.github.camelanaplan.client.ClientStats;
import io.github.camelanaplan.client.error.AnaplanException;
import java.time.Duration;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a call with one set of {@link CallOptions}: one {@link Transport} attempt after another as the
 * {@link RetryPolicy} decides (retry after a wait, renew the token and replay, or fail). Cheap; one per set of
 * options over a shared transport.
 */
public final class RetryingCaller {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingCaller.class);

    /** How a caller waits before a retry; tests pass one that only records. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration wait) throws InterruptedException;
    }

    private final Transport transport;
    private final CallOptions options;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public RetryingCaller(Transport transport, CallOptions options) {
        this(transport, options, RetryPolicy.of(options), wait -> Thread.sleep(wait.toMillis()));
    }

    public RetryingCaller(Transport transport, CallOptions options, RetryPolicy policy, Sleeper sleeper) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.options = Objects.requireNonNull(options, "options").validate();
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public Transport transport() {
        return transport;
    }

    public CallOptions options() {
        return options;
    }

    public ClientStats stats() {
        return transport.stats();
    }

    /** Sends the call, retrying and renewing the token as the policy says; returns what the reader made of the 2xx body. */
    public <T> T execute(ApiRequest call, ResponseReader<T> reader) {
        RetryPolicy.Progress progress = RetryPolicy.Progress.first();
        while (true) {
            Outcome<T> outcome = transport.attempt(call, reader, options);
            if (outcome.isSuccess()) {
                return outcome.value();
            }
            RetryPolicy.Decision decision = policy.decide(call.kind(), call.authenticated() && transport.renewsTokens(),
                    outcome, progress);
            switch (decision.action()) {
                case RENEW_TOKEN:
                    transport.tokenRejected(outcome.tokenUsed());
                    progress = progress.renewed();
                    break;
                case RETRY:
                    String cause = decision.causeLabel();
                    transport.stats().retry(cause);
                    LOG.debug("{} ({} {}): {}; retry {} of {} in {} ms", call.step(), call.method(), call.path(), cause,
                            progress.attempt(), options.retryCount(), decision.delay().toMillis());
                    sleep(decision.delay());
                    progress = progress.retried(decision.delay());
                    break;
                default:
                    throw outcome.failure(call, decision.reason());
            }
        }
    }

    private void sleep(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnaplanException("Interrupted while waiting to retry", e);
        }
    }
}
