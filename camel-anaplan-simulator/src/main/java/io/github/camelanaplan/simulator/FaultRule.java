package io.github.camelanaplan.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault to inject into matching requests. Built fluently:
 * {@code FaultRule.on("PUT", "/2/0/.*}{@code /chunks/3").occurrence(1).times(2).respond(503).retryAfter("2")}.
 */
public final class FaultRule {

    /** What the fault does. */
    public enum Action {
        RESPOND, RESET_BEFORE_RESPONSE, RESET_AFTER_PROCESSING, DELAY, TRUNCATED_JSON, HTML_ERROR_PAGE, EMPTY_BODY,
        EXPIRE_TOKEN
    }

    /** Which requests, and the count (runtime state, guarded by this). */
    private final RequestSelector selector;
    private Action action = Action.RESPOND;
    private int status = 503;
    private String retryAfter;
    private Duration delay = Duration.ZERO;
    private String name;


    private FaultRule(String method, String pathRegex) {
        this.selector = new RequestSelector(method, pathRegex);
    }

    /** A rule for requests with this method ("*" for any) whose path (no base URL, no query) matches the regex. */
    public static FaultRule on(String method, String pathRegex) {
        return new FaultRule(method, pathRegex);
    }

    /** The first matching request the rule fires on (1-based, default 1). */
    public FaultRule occurrence(int n) {
        selector.occurrence(n);
        return this;
    }

    /** How many matching requests, from the occurrence on, the rule fires for (default 1). */
    public FaultRule times(int n) {
        selector.times(n);
        return this;
    }

    /** Fires on every matching request. */
    public FaultRule always() {
        selector.times(Integer.MAX_VALUE);
        return this;
    }

    /** Answers this status with a small Anaplan error envelope, the request is not processed. */
    public FaultRule respond(int status) {
        this.action = Action.RESPOND;
        this.status = status;
        return this;
    }

    /** Adds a Retry-After header (seconds or HTTP date, verbatim) to a {@link #respond(int)} fault. */
    public FaultRule retryAfter(String value) {
        this.retryAfter = value;
        return this;
    }

    /** Closes the connection without a response; the request is not processed. */
    public FaultRule resetBeforeResponse() {
        this.action = Action.RESET_BEFORE_RESPONSE;
        return this;
    }

    /** Processes the request fully, then closes the connection without a response. */
    public FaultRule resetAfterProcessing() {
        this.action = Action.RESET_AFTER_PROCESSING;
        return this;
    }

    /** Sleeps before processing the request normally. */
    public FaultRule delay(Duration d) {
        this.action = Action.DELAY;
        this.delay = Objects.requireNonNull(d);
        return this;
    }

    /** 200 application/json whose body stops mid-way (declared length larger than sent), then closes. */
    public FaultRule truncatedJson() {
        this.action = Action.TRUNCATED_JSON;
        return this;
    }

    /** 200 text/html proxy error page. */
    public FaultRule htmlErrorPage() {
        this.action = Action.HTML_ERROR_PAGE;
        return this;
    }

    /** 200 with an empty body. */
    public FaultRule emptyBody() {
        this.action = Action.EMPTY_BODY;
        return this;
    }

    /** Marks the presented token expired, then answers 401. */
    public FaultRule expireToken() {
        this.action = Action.EXPIRE_TOKEN;
        return this;
    }

    /** A name for {@link JournalEntry#faultApplied()} and {@link Faults#fired()}; defaults to a description. */
    public FaultRule named(String n) {
        this.name = n;
        return this;
    }

    public String method() { return selector.method; }
    public String pathRegex() { return selector.path.pattern(); }
    public Action action() { return action; }
    public int status() { return status; }
    public String retryAfterValue() { return retryAfter; }
    public Duration delayValue() { return delay; }

    public String name() {
        if (name != null) {
            return name;
        }
        String what = action == Action.RESPOND ? "respond(" + status + ")" : action.name().toLowerCase(java.util.Locale.ROOT);
        return what + " " + selector;
    }

    /** Counts a matching request and tells whether the rule fires on it. */
    synchronized boolean tryFire(String reqMethod, String reqPath) {
        return selector.matches(reqMethod, reqPath) && selector.count();
    }

    /** How many times the rule has fired. */
    public synchronized int firedCount() {
        return selector.fired();
    }

    @Override
    public String toString() {
        return name();
    }
}
