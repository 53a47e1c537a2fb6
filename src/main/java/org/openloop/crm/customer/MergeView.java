package org.openloop.crm.customer;

import java.time.Instant;
import java.util.UUID;

/** A merge of two customers (B6), undoable by an administrator until purged. */
public record MergeView(UUID id, UUID survivorId, UUID mergedId, String mergedNumber, String mergedName,
        String mergedByName, Instant mergedAt, Instant undoneAt) {
}
