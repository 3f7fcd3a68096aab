package io.github.camelanaplan.component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.audit.AuditClient;
import io.github.camelanaplan.client.audit.AuditEvent;
import org.apache.camel.Processor;

/**
 * {@code from("anaplan:audit/events")}: emits each audit event once, oldest first. The first poll reads
 * {@code auditLookBack} back; each later one reads from {@code auditOverlap} before where the previous poll ended, so
 * events Anaplan records late are still seen, and drops the ids already emitted in that window. The position and those
 * ids are kept in the state repository after each successful exchange.
 */
final class AuditEventConsumer extends AnaplanConsumer {

    AuditEventConsumer(AnaplanEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    void checkOptions() {
        // nothing beyond credentials
    }

    private String stateKey() {
        return "anaplan:audit/events:" + config().getAuditType();
    }

    @Override
    protected int poll() throws Exception {
        AnaplanConfiguration c = config();
        long now = System.currentTimeMillis();
        Position position = Position.parse(state().getState(stateKey()));
        long from = position == null ? now - c.getAuditLookBack() : position.readUntil - c.getAuditOverlap();
        Map<String, Long> seen = position == null ? new LinkedHashMap<>() : position.seen;
        AuditClient audit = new AuditClient(client());
        long maxRange = AuditClient.MAX_RANGE.toMillis() - 60_000;
        Map<String, AuditEvent> events = new LinkedHashMap<>();
        for (long start = from; start < now; start += maxRange) {
            for (AuditEvent event : audit.events(c.getAuditType().toString(), start, Math.min(now, start + maxRange))) {
                events.putIfAbsent(event.id(), event);
            }
        }
        List<AuditEvent> sorted = new ArrayList<>(events.values());
        sorted.sort(Comparator.comparingLong(AuditEventConsumer::date).thenComparing(AuditEvent::id));
        long readUntil = now;
        int emitted = 0;
        for (AuditEvent event : sorted) {
            if (seen.containsKey(event.id())) {
                continue;
            }
            boolean ok = emit(exchange -> exchange.getMessage().setBody(event));
            if (!ok) {
                // read again from this event on the next poll
                readUntil = Math.min(now, date(event) + c.getAuditOverlap());
                break;
            }
            seen.put(event.id(), date(event));
            emitted++;
            save(new Position(position == null ? from + c.getAuditOverlap() : position.readUntil, seen));
        }
        long keepFrom = readUntil - c.getAuditOverlap();
        seen.values().removeIf(date -> date < keepFrom);
        save(new Position(readUntil, seen));
        return emitted;
    }

    private void save(Position position) {
        state().setState(stateKey(), position.toString());
    }

    private static long date(AuditEvent event) {
        return event.eventDate() != null ? event.eventDate() : event.createdDate() != null ? event.createdDate() : 0L;
    }

    /** Where the last poll stopped reading, and the ids emitted within the overlap window (id → event date). */
    private static final class Position {
        final long readUntil;
        final Map<String, Long> seen;

        Position(long readUntil, Map<String, Long> seen) {
            this.readUntil = readUntil;
            this.seen = seen;
        }

        static Position parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                JsonNode node = Json.MAPPER.readTree(text);
                Map<String, Long> seen = new LinkedHashMap<>();
                node.path("seen").fields().forEachRemaining(e -> seen.put(e.getKey(), e.getValue().asLong()));
                return new Position(node.path("readUntil").asLong(), seen);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Unreadable audit consumer state: " + text, e);
            }
        }

        @Override
        public String toString() {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("readUntil", readUntil);
            ObjectNode ids = node.putObject("seen");
            seen.forEach(ids::put);
            return node.toString();
        }
    }
}
