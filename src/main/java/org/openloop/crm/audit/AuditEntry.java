package org.openloop.crm.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit entry as readers see it. Old and new values of sensitive fields arrive already masked for readers
 * without the right to see them (A4).
 */
public record AuditEntry(UUID id, Instant occurredAt, UUID actorId, String actorName, AuditAction action,
        String entityType, String entityId, String field, String oldValue, String newValue, String detail,
        String remoteAddress) {
}
