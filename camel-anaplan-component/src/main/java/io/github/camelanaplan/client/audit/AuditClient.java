package io.github.camelanaplan.client.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.http.ApiCall;
import io.github.camelanaplan.client.http.Json;
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
        return fetch(type, "dateFrom=" + fromMillis + "&dateTo=" + toMillis);
    }

    /** Events of the last intervalInHours hours (1 to 720). */
    public List<AuditEvent> eventsOfLastHours(String type, int intervalInHours) {
        if (intervalInHours < 1 || intervalInHours > MAX_RANGE.toHours()) {
            throw new IllegalArgumentException("intervalInHours must be 1 to 720 (30 days), was " + intervalInHours);
        }
        return fetch(type, "intervalInHours=" + intervalInHours);
    }

    private List<AuditEvent> fetch(String type, String range) {
        String base = client.settings().auditUrl() + "/events?type=" + (type == null || type.isBlank() ? "all" : type)
                      + "&" + range;
        List<AuditEvent> events = new ArrayList<>();
        int offset = 0;
        while (true) {
            JsonNode page = transport.execute(ApiCall.get("read audit events", offset == 0 ? base : base + "&offset=" + offset),
                    Json.tree());
            List<AuditEvent> received = Json.list(page, "response", AuditEvent.class);
            events.addAll(received);
            JsonNode paging = page.path("meta").path("paging");
            long total = paging.path("totalSize").asLong(-1);
            int next = paging.hasNonNull("nextOffset") ? paging.get("nextOffset").asInt()
                    : offset + paging.path("currentPageSize").asInt(received.size());
            boolean more = paging.hasNonNull("nextOffset") || paging.hasNonNull("nextUrl") || total >= 0 && next < total;
            if (!more || received.isEmpty() || next <= offset) {
                return events;
            }
            offset = next;
        }
    }
}
