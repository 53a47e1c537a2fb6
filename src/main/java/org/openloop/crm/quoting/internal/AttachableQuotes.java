package org.openloop.crm.quoting.internal;

import java.util.UUID;

import org.openloop.crm.attachment.AttachableRecordType;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.shared.CrmPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Files on quotes (B8): reading them is reading the quote (scope → 404), changing them needs quote:edit. */
@Component
class AttachableQuotes implements AttachableRecordType {

    private final Quotes quotes;
    private final AccessControl access;

    AttachableQuotes(Quotes quotes, AccessControl access) {
        this.quotes = quotes;
        this.access = access;
    }

    @Override
    public String recordType() {
        return "quote";
    }

    @Override
    public void checkReadable(UUID recordId) {
        require("quote:view");
        quotes.getVisible(recordId, access.currentScope(), "quote");
    }

    @Override
    public void checkEditable(UUID recordId) {
        checkReadable(recordId);
        require("quote:edit");
    }

    private static void require(String authority) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean granted = CrmPrincipal.current().isPresent() && authentication != null && authentication
                .getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
        if (!granted) {
            throw new AccessDeniedException(authority);
        }
    }
}
