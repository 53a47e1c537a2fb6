package org.openloop.crm.activity.internal;

import java.util.UUID;

import org.openloop.crm.attachment.AttachableRecordType;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.shared.Authorities;
import org.openloop.crm.shared.CrmPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Lets interactions carry attachments (C1): a file is readable by whoever may see the interaction (404 outside the
 * scope, 403 without the view right) and changeable by whoever may also edit it.
 */
@Component
class AttachableInteractions implements AttachableRecordType {

    private final Interactions interactions;
    private final AccessControl access;

    AttachableInteractions(Interactions interactions, AccessControl access) {
        this.interactions = interactions;
        this.access = access;
    }

    @Override
    public String recordType() {
        return "interaction";
    }

    @Override
    public void checkReadable(UUID recordId) {
        require(Authorities.Action.VIEW);
        interactions.getVisible(recordId, access.currentScope(), "interaction");
    }

    @Override
    public void checkEditable(UUID recordId) {
        checkReadable(recordId);
        require(Authorities.Action.EDIT);
    }

    private void require(Authorities.Action action) {
        boolean allowed = CrmPrincipal.current()
                .map(p -> access.hasPermission(p.userId(), "activity", action)).orElse(false);
        if (!allowed) {
            throw new AccessDeniedException("activity:" + action.code());
        }
    }
}
