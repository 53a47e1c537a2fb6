package org.openloop.crm.comment;

import java.time.Instant;
import java.util.UUID;

/** A comment as readers see it; {@code text} is plain text, escaped wherever it is shown. */
public record CommentView(UUID id, String recordType, UUID recordId, UUID authorId, String authorName, String text,
        Instant createdAt) {
}
