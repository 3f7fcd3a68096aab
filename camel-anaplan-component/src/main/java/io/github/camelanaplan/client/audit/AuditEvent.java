package io.github.camelanaplan.client.audit;

import java.util.Map;

/**
 * An audit event (anaplan-api §8). {@code eventDate} and {@code createdDate} are epoch milliseconds.
 */
public record AuditEvent(String id, String eventTypeId, String userId, String tenantId, String objectId,
                         String objectTypeId, String objectTenantId, Map<String, Object> additionalAttributes,
                         String message, Boolean success, String errorNumber, String ipAddress, String userAgent,
                         String sessionId, String hostName, String serviceVersion, Long eventDate, String eventTimeZone,
                         Long createdDate, String createdTimeZone, String checksum) {
}
