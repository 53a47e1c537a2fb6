package org.openloop.crm.collaboration;

import java.time.Instant;
import java.util.UUID;

/** One task-log entry (E4). */
public record CollaborationLogView(UUID id, LogKind kind, String text, UUID authorId, String authorName,
        Instant createdAt) {
}
