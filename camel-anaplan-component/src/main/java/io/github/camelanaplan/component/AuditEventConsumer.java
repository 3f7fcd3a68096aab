package io.github.camelanaplan.component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelanaplan.client.audit.AuditClient;
import io.github.camelanaplan.client.audit.AuditEvent;
import io.github.camelanaplan.client.cursor.Cursor;
import io.github.camelanaplan.client.cursor.CursorKey;
import org.apache.camel.Processor;

/**
 * {@code from("anaplan:audit/events")}: emits each audit event once, oldest first. The first poll reads
 * {@code auditLookBack} back; each later one reads from {@code auditOverlap} before where the previous poll ended, so
 * events Anaplan records late are still seen, and drops the ids already emitted in that window. The position and those
 * ids are kept in the state repository after each successful exchange, per route and audit type.
 */
final class AuditEventConsumer extends AnaplanConsumer {

    AuditEventConsumer(AnaplanEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    void checkOptions() {
        // nothing beyond credentials
    }

    @Override
    CursorKey cursorKey() {
        return super.cursorKey().with("auditType", config().getAuditType().toString());
    }

    /**
     * The cursor's position is where the last poll stopped reading; its ids are those emitted within the overlap
     * window before it, each with its event date.
     */
    @Override
    protected int poll() throws Exception {
        AnaplanConfiguration c = config();
        long now = System.currentTimeMillis();
        CursorStore store = cursorStore("anaplan:audit/events:" + c.getAuditType());
        Optional<Cursor> stored = store.load().filter(cursor -> cursor.position().isPresent());
        long from = stored.isEmpty() ? now - c.getAuditLookBack()
                : stored.get().position().getAsLong() - c.getAuditOverlap();
        Cursor cursor = stored.orElse(Cursor.empty().at(from + c.getAuditOverlap()));
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
            if (cursor.hasSeen(event.id())) {
                continue;
            }
            boolean ok = emit(exchange -> exchange.getMessage().setBody(event));
            if (!ok) {
                // read again from this event on the next poll
                readUntil = Math.min(now, date(event) + c.getAuditOverlap());
                break;
            }
            cursor = cursor.withSeen(event.id(), date(event));
            emitted++;
            store.save(cursor);
        }
        store.save(cursor.at(readUntil).forgettingBefore(readUntil - c.getAuditOverlap()));
        return emitted;
    }

    private static long date(AuditEvent event) {
        return event.eventDate() != null ? event.eventDate() : event.createdDate() != null ? event.createdDate() : 0L;
    }
}
