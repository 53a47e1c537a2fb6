package org.openloop.crm.comment;

import java.time.Instant;
import java.util.UUID;

/**
 * A comment as readers see it; {@code text} is plain text, escaped wherever it is shown. {@code editedAt} is the
 * time of the author's last edit ({@code null} if never edited), {@code version} what an edit names (K3).
 */
public record CommentView(UUID id, String recordType, UUID recordId, UUID authorId, String authorName, String text,
        Instant createdAt, Instant editedAt, long version) {
}
