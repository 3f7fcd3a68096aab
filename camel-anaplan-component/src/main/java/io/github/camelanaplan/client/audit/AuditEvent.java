package io.github.camelanaplan.client.audit;

import java.util.Map;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.camelanaplan.client.http.ScalarText;

/**
 * An audit event (anaplan-api §8). {@code eventDate} and {@code createdDate} are epoch milliseconds. The documented
 * example sends {@code id} as a number and leaves the type of the other id-like fields open: those are read as text
 * whichever way they come.
 */
public record AuditEvent(@JsonDeserialize(using = ScalarText.class) String id, String eventTypeId, String userId,
                         String tenantId, String objectId,
                         @JsonDeserialize(using = ScalarText.class) String objectTypeId,
                         @JsonDeserialize(using = ScalarText.class) String objectTenantId,
                         Map<String, Object> additionalAttributes, String message, Boolean success,
                         @JsonDeserialize(using = ScalarText.class) String errorNumber, String ipAddress,
                         String userAgent, @JsonDeserialize(using = ScalarText.class) String sessionId,
                         String hostName, @JsonDeserialize(using = ScalarText.class) String serviceVersion,
                         Long eventDate, String eventTimeZone, Long createdDate, String createdTimeZone,
                         String checksum) {
}
