package org.openloop.crm.shared;

import java.util.UUID;

/** A record was deleted for good; modules that keep data about it (attachments, say) remove theirs. */
public record RecordDeleted(String recordType, UUID recordId) {
}
