package io.github.camelanaplan.client.audit;

import java.time.Duration;
import java.util.List;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.http.ApiRequest;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.Paging;
import io.github.camelanaplan.client.http.RetryingCaller;

/**
 * The Audit API (anaplan-api §8): events of the tenant in a time range of at most 30 days, all pages.
 */
public final class AuditClient {

    /** The longest range the Audit API answers. */
    public static final Duration MAX_RANGE = Duration.ofDays(30);

    private final AnaplanClient client;
    private final RetryingCaller transport;

    public AuditClient(AnaplanClient client) {
        this.client = client;
        this.transport = client.caller();
    }

    /** Checks a range before any call: from before to, at most 30 days. */
    public static void checkRange(long fromMillis, long toMillis) {
        if (toMillis < fromMillis) {
            throw new IllegalArgumentException("audit range ends (dateTo " + toMillis + ") before it starts (dateFrom "
                                               + fromMillis + ")");
        }
        if (toMillis - fromMillis > MAX_RANGE.toMillis()) {
            throw new IllegalArgumentException("audit range is " + Duration.ofMillis(toMillis - fromMillis).toHours()
                                               + " hours; the Audit API answers at most 30 days (720 hours)");
        }
    }

    /** Events with fromMillis ≤ eventDate ≤ toMillis, of one type ({@code all} or null for every type). */
    public List<AuditEvent> events(String type, long fromMillis, long toMillis) {
        checkRange(fromMillis, toMillis);
        return fetch(events(type).query("dateFrom", fromMillis).query("dateTo", toMillis));
    }

    /** Events of the last intervalInHours hours (1 to 720). */
    public List<AuditEvent> eventsOfLastHours(String type, int intervalInHours) {
        if (intervalInHours < 1 || intervalInHours > MAX_RANGE.toHours()) {
            throw new IllegalArgumentException("intervalInHours must be 1 to 720 (30 days), was " + intervalInHours);
        }
        return fetch(events(type).query("intervalInHours", intervalInHours));
    }

    private ApiRequest.Builder events(String type) {
        return ApiRequest.get(client.settings().auditUrl()).segment("events")
                .query("type", type == null || type.isBlank() ? "all" : type).step("read audit events");
    }

    /** All pages ({@code offSet}/{@code nextOffset} paging), each checked to advance and stay within totalSize. */
    private List<AuditEvent> fetch(ApiRequest.Builder request) {
        return Paging.readAll(request.build(), "response", AuditEvent.class,
                page -> transport.execute(page, Json.answer(page)));
    }
}
