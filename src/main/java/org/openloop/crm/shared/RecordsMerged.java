package org.openloop.crm.shared;

import java.util.UUID;

/**
 * Two records of one type became one (B6): whatever other modules keep about {@code mergedId} (attachments,
 * activities, opportunities, …) should now point at {@code survivorId}. Published in the merging transaction.
 */
public record RecordsMerged(String recordType, UUID mergedId, UUID survivorId) {
}
