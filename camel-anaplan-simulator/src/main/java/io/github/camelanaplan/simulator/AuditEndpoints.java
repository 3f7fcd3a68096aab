package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** §8 Audit: GET /events and POST /events/search with type filter, 30-day window and offSet paging. */
final class AuditEndpoints {

    static final long MAX_RANGE_MS = 30L * 24 * 3_600_000L;
    private static final Set<String> TYPES = Set.of("user_activity", "access_control", "int", "conn_mgmt", "comment", "byok",
            "plan_iq", "forecaster");

    private final SimAudit audit;
    private final SimAuth auth;
    private final SimulatorOptions options;

    AuditEndpoints(SimAudit audit, SimAuth auth, SimulatorOptions options) {
        this.audit = audit;
        this.auth = auth;
        this.options = options;
    }

    void register(Router r) {
        r.add("GET", "/audit/api/1/events", req -> {
            Long from = longQuery(req, "dateFrom");
            Long to = longQuery(req, "dateTo");
            Long hours = longQuery(req, "intervalInHours");
            return events(req, from, to, hours);
        });
        r.add("POST", "/audit/api/1/events/search", req -> {
            JsonNode b = req.body().length == 0 ? Json.object() : Json.parse(req.body());
            if (b == null || !b.isObject()) {
                throw badRequest("Invalid request body");
            }
            Long from = b.hasNonNull("from") ? b.get("from").asLong() : null;
            Long to = b.hasNonNull("to") ? b.get("to").asLong() : null;
            Long hours = b.hasNonNull("interval") ? b.get("interval").asLong() : null;
            return events(req, from, to, hours);
        });
    }

    private static ApiException badRequest(String message) {
        ObjectNode n = Json.object();
        n.put("status", "FAILURE_BAD_REQUEST");
        n.put("statusMessage", message);
        return new ApiException(SimResponse.json(400, n));
    }

    private static Long longQuery(SimRequest req, String name) {
        String v = req.query(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw badRequest("Invalid value for " + name);
        }
    }

    private SimResponse events(SimRequest req, Long from, Long to, Long hours) {
        long now = System.currentTimeMillis();
        long start;
        long end;
        if (hours != null) {
            if (hours * 3_600_000L > MAX_RANGE_MS || hours <= 0) {
                throw badRequest("Date range cannot exceed 30 days");
            }
            end = now;
            start = now - hours * 3_600_000L;
        } else {
            end = to != null ? to : now;
            start = from != null ? from : end - MAX_RANGE_MS;
            if (end - start > MAX_RANGE_MS) {
                throw badRequest("Date range cannot exceed 30 days");
            }
        }
        String type = req.query("type");
        String t = type == null ? "all" : type.toLowerCase(Locale.ROOT);
        boolean all = !TYPES.contains(t);
        List<SimAudit.Event> matching = new ArrayList<>();
        for (SimAudit.Event e : audit.events()) {
            if (e.eventDate() >= start && e.eventDate() <= end && (all || e.type().equals(t))) {
                matching.add(e);
            }
        }
        int offset = Math.max(0, ApiSupport.intQuery(req, "offset", 0));
        int limit = ApiSupport.intQuery(req, "limit", options.maxPageSize());
        if (limit <= 0 || limit > options.maxPageSize()) {
            limit = options.maxPageSize();
        }
        int fromIdx = Math.min(offset, matching.size());
        int toIdx = Math.min(matching.size(), fromIdx + limit);
        List<SimAudit.Event> page = matching.subList(fromIdx, toIdx);
        String accept = req.header("Accept");
        if (accept != null && accept.contains("text/plain")) {
            StringBuilder sb = new StringBuilder();
            for (SimAudit.Event e : page) {
                sb.append("CEF:0|Anaplan|Audit|1.0|").append(e.eventTypeId()).append('|').append(e.message().replace("|", "\\|"))
                        .append("|5|rt=").append(e.eventDate()).append(" suser=").append(e.userId()).append(" cs1=").append(e.id())
                        .append('\n');
            }
            return SimResponse.text(200, "text/plain;charset=UTF-8", sb.toString());
        }
        ObjectNode root = Json.object();
        ObjectNode paging = root.putObject("meta").putObject("paging");
        paging.put("currentPageSize", page.size());
        paging.put("totalSize", matching.size());
        paging.put("offSet", offset);
        String base = req.baseUrl() + req.path() + "?" + (type == null ? "" : "type=" + type + "&") + "limit=" + limit + "&offset=";
        if (toIdx < matching.size()) {
            paging.put("nextOffset", toIdx);
            paging.put("nextUrl", base + toIdx);
        }
        if (offset > 0) {
            paging.put("previousUrl", base + Math.max(0, offset - limit));
        }
        com.fasterxml.jackson.databind.node.ArrayNode arr = root.putArray("response");
        for (SimAudit.Event e : page) {
            ObjectNode n = arr.addObject();
            n.put("id", e.id());
            n.put("eventTypeId", e.eventTypeId());
            n.put("userId", auth.userGuid(e.userId()));
            n.put("tenantId", SimAuth.CUSTOMER_GUID);
            n.put("objectId", Seed.MODEL_ID);
            n.put("objectTypeId", 3);
            n.put("objectTenantId", SimAuth.CUSTOMER_GUID);
            ObjectNode attrs = n.putObject("additionalAttributes");
            e.additionalAttributes().forEach(attrs::put);
            n.put("message", e.message());
            n.put("success", e.success());
            n.putNull("errorNumber");
            n.put("ipAddress", "127.0.0.1");
            n.put("userAgent", "camel-anaplan-simulator");
            n.put("sessionId", "sess-" + e.id());
            n.put("hostName", "audit.simulator.local");
            n.put("serviceVersion", "1.0");
            n.put("eventDate", e.eventDate());
            n.put("eventTimeZone", "UTC");
            n.put("createdDate", e.eventDate());
            n.put("createdTimeZone", "UTC");
            n.put("checksum", String.valueOf(Integer.toUnsignedLong((e.id() + e.eventTypeId()).hashCode())));
        }
        return SimResponse.json(200, root);
    }
}
