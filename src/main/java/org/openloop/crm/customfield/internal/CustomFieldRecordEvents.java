package org.openloop.crm.customfield.internal;

import org.openloop.crm.customfield.CustomFields;
import org.openloop.crm.platform.MergedLinks;
import org.openloop.crm.shared.RecordDeleted;
import org.openloop.crm.shared.RecordsMerged;
import org.openloop.crm.shared.RecordsUnmerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Custom field values follow their records: a merged record's values move to the survivor (B6) and back when the
 * merge is undone, a record deleted for good takes its values with it (B7). Only types that carry custom fields have
 * values, others find none.
 */
@Component
class CustomFieldRecordEvents {

    private final CustomFields fields;
    private final MergedLinks links;

    CustomFieldRecordEvents(CustomFields fields, MergedLinks links) {
        this.fields = fields;
        this.links = links;
    }

    @ApplicationModuleListener
    void on(RecordsMerged merged) {
        links.follow(merged, fields.mergeLink(merged.recordType(), merged.survivorId()));
    }

    @ApplicationModuleListener
    void on(RecordsUnmerged unmerged) {
        links.followBack(unmerged, fields.mergeLink(unmerged.recordType(), unmerged.survivorId()));
    }

    @ApplicationModuleListener
    void on(RecordDeleted deleted) {
        fields.removeAll(deleted.recordType(), deleted.recordId());
    }
}
