package org.openloop.crm.attachment.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.attachment.AttachmentManagement;
import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.platform.MergedLinks;
import org.openloop.crm.shared.RecordsMerged;
import org.openloop.crm.shared.RecordsUnmerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When two records become one (B6), the merged record's attachments move to the survivor and appear in its history,
 * so no file is lost with the merged record; an undone merge moves them back. Works for every record type.
 */
@Component
class AttachmentMerges {

    private final MergedLinks links;
    private final Attachments attachments;
    private final AuditTrail audit;

    AttachmentMerges(MergedLinks links, Attachments attachments, AuditTrail audit) {
        this.links = links;
        this.attachments = attachments;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(RecordsMerged merged) {
        links.follow(merged, linkFor(merged.recordType(), "merged from "));
    }

    @ApplicationModuleListener
    void on(RecordsUnmerged unmerged) {
        links.followBack(unmerged, linkFor(unmerged.recordType(), "merge undone, back from "));
    }

    private MergedLinks.Link linkFor(String recordType, String reason) {
        return MergedLinks.Link.of("attachment", recordType,
                id -> attachments.findByRecordTypeAndRecordIdOrderByCreatedAtDescIdDesc(recordType, id).stream()
                        .map(Attachment::getId).toList(),
                (Collection<UUID> ids, UUID from, UUID to) -> {
                    List<Attachment> moving = attachments.findAllById(ids).stream()
                            .filter(a -> from.equals(a.getRecordId())).toList();
                    if (moving.isEmpty()) {
                        return 0;
                    }
                    attachments.repoint(moving.stream().map(Attachment::getId).toList(), from, to);
                    moving.forEach(a -> audit.record(AuditAction.UPDATE, recordType, to,
                            AttachmentManagement.HISTORY_FIELD, null, a.getFileName(), reason + from));
                    return moving.size();
                });
    }
}
