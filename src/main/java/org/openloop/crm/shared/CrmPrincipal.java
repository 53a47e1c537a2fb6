package org.openloop.crm.shared;

import java.util.UUID;

/**
 * What every module may know about the signed-in user: the authentication principal implements it.
 */
public interface CrmPrincipal {

    UUID userId();

    String username();

    String displayName();

    /** The current principal, if a user is signed in. */
    static java.util.Optional<CrmPrincipal> current() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CrmPrincipal principal) {
            return java.util.Optional.of(principal);
        }
        return java.util.Optional.empty();
    }
}
