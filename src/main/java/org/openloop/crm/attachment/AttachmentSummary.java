package org.openloop.crm.attachment;

import java.time.Instant;
import java.util.UUID;

/**
 * An attachment as users and other modules see it. {@code fileName} is the sanitised original name, kept only for
 * display and download; {@code contentType} is the type decided from the file's content, not the client's claim.
 */
public record AttachmentSummary(UUID id, String recordType, UUID recordId, String fileName, String contentType,
        long size, String sha256, UUID uploadedById, String uploadedByName, Instant createdAt) {
}
