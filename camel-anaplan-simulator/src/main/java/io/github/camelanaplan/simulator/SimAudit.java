package io.github.camelanaplan.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Audit events of the tenant (§8). Seeded with a few days of history; each login adds one. Thread-safe. */
public final class SimAudit {

    /** One audit event. */
    public static final class Event {
        private final long id;
        private final String eventTypeId;
        private final String type;
        private final String userId;
        private final String message;
        private final long eventDate;
        private final boolean success;
        private final Map<String, String> additionalAttributes;

        Event(long id, String eventTypeId, String type, String userId, String message, long eventDate, boolean success,
                Map<String, String> additionalAttributes) {
            this.id = id;
            this.eventTypeId = eventTypeId;
            this.type = type;
            this.userId = userId;
            this.message = message;
            this.eventDate = eventDate;
            this.success = success;
            this.additionalAttributes = additionalAttributes;
        }

        public long id() { return id; }
        public String eventTypeId() { return eventTypeId; }
        /** The category queried with {@code type=}: user_activity, access_control, int, conn_mgmt, comment, byok, plan_iq, forecaster. */
        public String type() { return type; }
        public String userId() { return userId; }
        public String message() { return message; }
        public long eventDate() { return eventDate; }
        public boolean success() { return success; }
        public Map<String, String> additionalAttributes() { return additionalAttributes; }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);

    /** Adds an event; returns its id. */
    public long addEvent(String eventTypeId, String type, String userId, String message, long eventDateMillis) {
        long id = ids.incrementAndGet();
        events.add(new Event(id, eventTypeId, type, userId, message, eventDateMillis, true, Map.of("clientName", "Simulator")));
        return id;
    }

    /** All events, oldest first. */
    public List<Event> events() {
        List<Event> out = new ArrayList<>(events);
        out.sort((a, b) -> a.eventDate != b.eventDate ? Long.compare(a.eventDate, b.eventDate) : Long.compare(a.id, b.id));
        return out;
    }

    public void clear() {
        events.clear();
    }

    void seedDefault(String userId) {
        long now = System.currentTimeMillis();
        String[][] kinds = {
            {"USR-8", "user_activity", "User logged in"},
            {"ACC-2", "access_control", "Role assignment changed"},
            {"INT-1", "int", "Import run via API"},
            {"CNM-3", "conn_mgmt", "Connection updated"},
            {"COM-1", "comment", "Comment added"},
        };
        for (int i = 0; i < 40; i++) {
            String[] k = kinds[i % kinds.length];
            addEvent(k[0], k[1], userId, k[2], now - (40 - i) * 3L * 3_600_000L);
        }
    }
}
