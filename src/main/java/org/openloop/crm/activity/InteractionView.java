package org.openloop.crm.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An interaction as users see it. */
public record InteractionView(UUID id, UUID customerId, String customerName, UUID opportunityId,
        InteractionChannel channel,
        Instant occurredAt, String place, List<UUID> participantIds, List<String> participantNames,
        List<UUID> contactIds, List<String> contactNames, String subject, String summary, String feedback,
        String agreements, List<TodoView> todos, UUID ownerId, String ownerName, UUID departmentId,
        Instant createdAt, long version) {

    /** One to-do and, once it became one, its task. */
    public record TodoView(int index, String text, UUID ownerId, String ownerName, Instant dueAt, UUID taskId) {
    }
}
