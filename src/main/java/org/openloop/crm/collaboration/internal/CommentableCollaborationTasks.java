package org.openloop.crm.collaboration.internal;

import java.util.UUID;

import org.openloop.crm.comment.CommentableRecordType;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.shared.Authorities;
import org.openloop.crm.shared.RequiresPermission;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets collaboration tasks carry comments (E8): whoever sees the task reads and writes its comments. */
@Component
class CommentableCollaborationTasks implements CommentableRecordType {

    private final CollaborationAccess visibility;
    private final AccessControl access;

    CommentableCollaborationTasks(CollaborationAccess visibility, AccessControl access) {
        this.visibility = visibility;
        this.access = access;
    }

    @Override
    public String recordType() {
        return "collaboration";
    }

    @Override
    @Transactional(readOnly = true)
    @RequiresPermission(module = "collaboration", action = "view")
    public void checkReadable(UUID recordId) {
        visibility.visible(recordId, visibility.currentViewer());
    }

    @Override
    @Transactional(readOnly = true)
    public boolean canRead(UUID userId, UUID recordId) {
        return access.hasPermission(userId, "collaboration", Authorities.Action.VIEW)
                && visibility.find(recordId, visibility.viewer(userId)).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public String label(UUID recordId) {
        return visibility.visible(recordId, visibility.currentViewer()).getNumber();
    }

    @Override
    public String link(UUID recordId) {
        return "/collaboration/" + recordId;
    }
}
