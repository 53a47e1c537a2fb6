package org.openloop.crm.customfield.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.customfield.CustomFields;
import org.openloop.crm.platform.MergedLinks;
import org.openloop.crm.shared.RecordDeleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Custom field values follow their records: a merged record's values move to the survivor where it has none (B6)
 * and back when the merge is undone, a record deleted for good takes its values with it (B7). Only types that carry
 * custom fields have values, others find none.
 */
@Component
class CustomFieldRecordEvents implements MergedLinks.Link {

    private final CustomFields fields;

    CustomFieldRecordEvents(CustomFields fields) {
        this.fields = fields;
    }

    @Override
    public String name() {
        return "customFieldValue";
    }

    @Override
    public boolean covers(String recordType) {
        return true;
    }

    @Override
    public List<UUID> idsToFollow(String recordType, UUID mergedId, UUID survivorId) {
        return fields.valuesToFollow(recordType, mergedId, survivorId);
    }

    @Override
    public int repoint(String recordType, Collection<UUID> ids, UUID from, UUID to) {
        return fields.moveValues(recordType, ids, from, to);
    }

    @ApplicationModuleListener
    void on(RecordDeleted deleted) {
        fields.removeAll(deleted.recordType(), deleted.recordId());
    }
}
