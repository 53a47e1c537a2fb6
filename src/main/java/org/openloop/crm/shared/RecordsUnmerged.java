package org.openloop.crm.shared;

import java.util.UUID;

/**
 * A merge was undone (B6): {@code mergedId} is a record of its own again. Modules move back what followed it to
 * {@code survivorId} on {@link RecordsMerged}; {@code platform.MergedLinks} remembers what that was.
 */
public record RecordsUnmerged(String recordType, UUID mergedId, UUID survivorId) {
}
