package io.github.camelanaplan.component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.github.camelanaplan.client.alm.AlmClient;
import io.github.camelanaplan.client.alm.Revision;
import io.github.camelanaplan.client.cursor.Cursor;
import io.github.camelanaplan.client.cursor.CursorKey;
import org.apache.camel.Processor;

/**
 * {@code from("anaplan:alm/revisions")}: emits each revision that appears in the model after the consumer first
 * started (with {@code emitExisting=true}: also those already there), once, in the order they were applied. The cursor
 * (position: the newest {@code appliedOn} emitted; ids: those emitted at that instant) is kept in the state repository
 * after each successful exchange, per route and model; a failed exchange stops the poll and is emitted again on the
 * next one.
 */
final class RevisionConsumer extends AnaplanConsumer {

    RevisionConsumer(AnaplanEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    void checkOptions() {
        require("modelId", config().getModelId());
    }

    @Override
    CursorKey cursorKey() {
        return super.cursorKey().with("modelId", config().getModelId());
    }

    @Override
    protected int poll() throws Exception {
        AlmClient alm = new AlmClient(client(), config().getModelId());
        CursorStore store = cursorStore("anaplan:alm/revisions:" + config().getModelId());
        Optional<Cursor> stored = store.load();
        String appliedAfter = stored.isEmpty() || stored.get().position().isEmpty()
                              || stored.get().position().getAsLong() == Long.MIN_VALUE ? null
                : Instant.ofEpochMilli(stored.get().position().getAsLong()).atZone(ZoneOffset.UTC).toLocalDate()
                        .minusDays(1).toString();
        List<Revision> revisions = new ArrayList<>(alm.revisions(appliedAfter, null));
        revisions.sort(Comparator.comparingLong(RevisionConsumer::appliedMillis).thenComparing(Revision::id));
        Cursor cursor = stored.orElse(Cursor.empty());
        if (stored.isEmpty() && !config().isEmitExisting()) {
            // the first start: what is there now is the starting point, nothing is emitted
            for (Revision revision : revisions) {
                cursor = cursor.passing(appliedMillis(revision), revision.id());
            }
            store.save(cursor);
            return 0;
        }
        int emitted = 0;
        for (Revision revision : revisions) {
            long at = appliedMillis(revision);
            if (!cursor.isAhead(at, revision.id())) {
                continue;
            }
            boolean ok = emit(exchange -> {
                exchange.getMessage().setBody(revision);
            });
            if (!ok) {
                break;
            }
            cursor = cursor.passing(at, revision.id());
            store.save(cursor);
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
}
