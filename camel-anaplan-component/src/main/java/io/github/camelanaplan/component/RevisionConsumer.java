package io.github.camelanaplan.component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.camelanaplan.client.alm.AlmClient;
import io.github.camelanaplan.client.alm.Revision;
import org.apache.camel.Processor;

/**
 * {@code from("anaplan:alm/revisions")}: emits each revision that appears in the model after the consumer first
 * started (with {@code emitExisting=true}: also those already there), once, in the order they were applied. The cursor
 * (the newest {@code appliedOn} emitted and the ids emitted at that instant) is kept in the state repository after each
 * successful exchange; a failed exchange stops the poll and is emitted again on the next one.
 */
final class RevisionConsumer extends AnaplanConsumer {

    private static final String NONE = "none";

    RevisionConsumer(AnaplanEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    void checkOptions() {
        require("modelId", config().getModelId());
    }

    private String stateKey() {
        return "anaplan:alm/revisions:" + config().getModelId();
    }

    @Override
    protected int poll() throws Exception {
        AlmClient alm = new AlmClient(client(), config().getModelId());
        String saved = state().getState(stateKey());
        Cursor cursor = saved == null ? null : Cursor.parse(saved);
        String appliedAfter = cursor == null || cursor.millis == Long.MIN_VALUE ? null
                : Instant.ofEpochMilli(cursor.millis).atZone(ZoneOffset.UTC).toLocalDate().minusDays(1).toString();
        List<Revision> revisions = new ArrayList<>(alm.revisions(appliedAfter, null));
        revisions.sort(Comparator.comparingLong(RevisionConsumer::appliedMillis).thenComparing(Revision::id));
        if (cursor == null) {
            cursor = new Cursor(Long.MIN_VALUE, new LinkedHashSet<>());
            if (!config().isEmitExisting()) {
                // the first start: what is there now is the starting point, nothing is emitted
                for (Revision revision : revisions) {
                    cursor = cursor.after(revision);
                }
                state().setState(stateKey(), cursor.toString());
                return 0;
            }
        }
        int emitted = 0;
        for (Revision revision : revisions) {
            if (!cursor.isNew(revision)) {
                continue;
            }
            boolean ok = emit(exchange -> {
                exchange.getMessage().setBody(revision);
            });
            if (!ok) {
                break;
            }
            cursor = cursor.after(revision);
            state().setState(stateKey(), cursor.toString());
            emitted++;
        }
        return emitted;
    }

    static long appliedMillis(Revision revision) {
        long applied = millis(revision.appliedOn());
        return applied != Long.MIN_VALUE ? applied : millis(revision.createdOn());
    }

    private static long millis(String date) {
        if (date == null || date.isBlank()) {
            return Long.MIN_VALUE;
        }
        try {
            return Instant.parse(date).toEpochMilli();
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(date).toInstant().toEpochMilli();
            } catch (DateTimeParseException notOffset) {
                try {
                    return Long.parseLong(date);
                } catch (NumberFormatException unknown) {
                    return Long.MIN_VALUE;
                }
            }
        }
    }

    /** The newest appliedOn emitted, and the ids emitted at exactly that instant. */
    private static final class Cursor {
        final long millis;
        final Set<String> ids;

        Cursor(long millis, Set<String> ids) {
            this.millis = millis;
            this.ids = ids;
        }

        boolean isNew(Revision revision) {
            long at = appliedMillis(revision);
            return at > millis || at == millis && !ids.contains(revision.id());
        }

        Cursor after(Revision revision) {
            long at = appliedMillis(revision);
            if (at > millis) {
                return new Cursor(at, new LinkedHashSet<>(List.of(revision.id())));
            }
            Set<String> more = new LinkedHashSet<>(ids);
            more.add(revision.id());
            return new Cursor(millis, more);
        }

        static Cursor parse(String text) {
            int bar = text.indexOf('|');
            String time = bar < 0 ? text : text.substring(0, bar);
            Set<String> ids = new LinkedHashSet<>();
            if (bar >= 0 && bar + 1 < text.length()) {
                ids.addAll(Arrays.asList(text.substring(bar + 1).split(",")));
            }
            return new Cursor(NONE.equals(time) ? Long.MIN_VALUE : Long.parseLong(time), ids);
        }

        @Override
        public String toString() {
            return (millis == Long.MIN_VALUE ? NONE : Long.toString(millis)) + "|" + String.join(",", ids);
        }
    }
}
