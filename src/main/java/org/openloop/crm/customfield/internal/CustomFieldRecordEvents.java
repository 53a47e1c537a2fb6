package org.openloop.crm.customfield.internal;

import org.openloop.crm.customfield.CustomFields;
import org.openloop.crm.shared.RecordDeleted;
import org.openloop.crm.shared.RecordsMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Custom field values follow their records: a merged record's values move to the survivor (B6), a record deleted
 * for good takes its values with it (B7). Only types that carry custom fields have values, others find none.
 */
@Component
class CustomFieldRecordEvents {

    private final CustomFields fields;

    CustomFieldRecordEvents(CustomFields fields) {
        this.fields = fields;
    }

    @ApplicationModuleListener
    void on(RecordsMerged merged) {
        fields.moveAll(merged.recordType(), merged.mergedId(), merged.survivorId());
    }

    @ApplicationModuleListener
    void on(RecordDeleted deleted) {
        fields.removeAll(deleted.recordType(), deleted.recordId());
    }
}
