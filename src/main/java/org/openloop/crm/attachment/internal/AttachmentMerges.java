package org.openloop.crm.attachment.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.attachment.AttachmentManagement;
import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.platform.MergedLinks;
import org.springframework.stereotype.Component;

/**
 * When two records become one (B6), the merged record's attachments move to the survivor and appear in its history,
 * so no file is lost with the merged record; an undone merge moves them back. Works for every record type.
 */
@Component
class AttachmentMerges implements MergedLinks.Link {

    private final Attachments attachments;
    private final AuditTrail audit;

    AttachmentMerges(Attachments attachments, AuditTrail audit) {
        this.attachments = attachments;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "attachment";
    }

    @Override
    public boolean covers(String recordType) {
        return true;
    }

    @Override
    public List<UUID> idsToFollow(String recordType, UUID mergedId, UUID survivorId) {
        return attachments.findByRecordTypeAndRecordIdOrderByCreatedAtDescIdDesc(recordType, mergedId).stream()
                .map(Attachment::getId).toList();
    }

    @Override
    public int repoint(String recordType, Collection<UUID> ids, UUID from, UUID to) {
        List<Attachment> moving = attachments.findAllById(ids).stream().filter(a -> from.equals(a.getRecordId()))
                .toList();
        if (moving.isEmpty()) {
            return 0;
        }
        attachments.repoint(moving.stream().map(Attachment::getId).toList(), from, to);
        moving.forEach(a -> audit.record(AuditAction.UPDATE, recordType, to, AttachmentManagement.HISTORY_FIELD, null,
                a.getFileName(), "moved from " + from + " by a merge or its undo"));
        return moving.size();
    }
}
