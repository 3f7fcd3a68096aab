package io.github.camelanaplan.component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.github.camelanaplan.client.audit.AuditClient;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The Audit operation ({@code audit/events}): the events of a time range of at most 30 days, all pages. */
final class AuditOperations extends OperationSupport {

    AuditOperations(AnaplanEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    Runnable prepare(Exchange exchange, AnaplanOperation operation) {
        Message in = exchange.getMessage();
        AnaplanConfiguration c = config();
        AuditClient audit = new AuditClient(client());
        String type = c.getAuditType().toString();
        if (c.getIntervalInHours() > 0) {
            if (c.getDateFrom() != null || c.getDateTo() != null) {
                throw new IllegalArgumentException("audit/events takes either intervalInHours or dateFrom/dateTo, not both");
            }
            int hours = c.getIntervalInHours();
            return () -> in.setBody(audit.eventsOfLastHours(type, hours));
        }
        if (c.getDateFrom() == null) {
            throw new IllegalArgumentException("audit/events needs a time range: set dateFrom (and dateTo) or "
                                               + "intervalInHours");
        }
        long to = c.getDateTo() == null ? System.currentTimeMillis() : instant("dateTo", c.getDateTo());
        long from = instant("dateFrom", c.getDateFrom());
        AuditClient.checkRange(from, to);
        return () -> in.setBody(audit.events(type, from, to));
    }

    /** Epoch milliseconds, an ISO instant or offset date-time, or a date (its start, UTC). */
    static long instant(String option, String value) {
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(v);
        }
        try {
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(v).toInstant().toEpochMilli();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException(option + " must be epoch milliseconds or an ISO date/time "
                                                       + "(2026-05-01 or 2026-05-01T08:00:00Z), was " + value);
                }
            }
        }
    }
}
