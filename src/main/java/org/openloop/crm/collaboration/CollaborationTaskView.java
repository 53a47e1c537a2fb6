package org.openloop.crm.collaboration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A collaboration task as its readers see it, with what the reader may do next ({@code actions}: accept, submit,
 * approve, sendBack, escalate, log, satisfaction).
 */
public record CollaborationTaskView(UUID id, String number, UUID customerId, String customerName, UUID initiatorId,
        String initiatorName, List<Named> departments, List<Named> users, String content, String background,
        String resources, CollaborationPriority priority, CollaborationState state, Instant expectedAt,
        boolean overdue, Instant acceptedAt, Instant submittedAt, Instant completedAt, Instant escalatedAt,
        String escalationReason, String sendBackReason, Satisfaction satisfaction, String finalSolution,
        Instant satisfactionAt, Instant createdAt, List<String> actions, long version) {

    /** An id with its display name. */
    public record Named(UUID id, String name) {
    }

    public boolean can(String action) {
        return actions.contains(action);
    }
}
