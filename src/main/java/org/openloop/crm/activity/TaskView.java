package org.openloop.crm.activity;

import java.time.Instant;
import java.util.UUID;

/** A task as users see it; {@code overdue} when it is still open after its due time. */
public record TaskView(UUID id, String subject, TaskKind kind, TaskPriority priority, TaskStatus status,
        Instant startAt, Instant dueAt, Integer remindMinutesBefore, Instant remindAt, UUID customerId,
        String customerName, UUID opportunityId, UUID ticketId, UUID interactionId, String description,
        String outcome, Instant completedAt, UUID ownerId, String ownerName, UUID createdBy, UUID departmentId,
        boolean overdue, Instant createdAt, long version) {
}
