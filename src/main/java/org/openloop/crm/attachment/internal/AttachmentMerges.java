package org.openloop.crm.attachment.internal;

import java.util.List;

import org.openloop.crm.attachment.AttachmentManagement;
import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.shared.RecordsMerged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When two records become one (B6), the merged record's attachments move to the survivor and appear in its history,
 * so no file is lost with the merged record. An undone merge leaves them with the survivor, as for other modules.
 */
@Component
class AttachmentMerges {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentMerges.class);

    private final Attachments attachments;
    private final AuditTrail audit;

    AttachmentMerges(Attachments attachments, AuditTrail audit) {
        this.attachments = attachments;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(RecordsMerged merged) {
        List<Attachment> moving = attachments.findByRecordTypeAndRecordIdOrderByCreatedAtDescIdDesc(
                merged.recordType(), merged.mergedId());
        if (moving.isEmpty()) {
            return;
        }
        attachments.moveToRecord(merged.recordType(), merged.mergedId(), merged.survivorId());
        moving.forEach(a -> audit.record(AuditAction.UPDATE, merged.recordType(), merged.survivorId(),
                AttachmentManagement.HISTORY_FIELD, null, a.getFileName(), "merged from " + merged.mergedId()));
        LOG.info("Moved {} attachments of {} {} to {}", moving.size(), merged.recordType(), merged.mergedId(),
                merged.survivorId());
    }
}
