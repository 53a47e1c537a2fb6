package org.openloop.crm.platform.web;

import org.openloop.crm.shared.Authorities;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Permission checks for page controllers that show a form before the facade method that enforces the same
 * permission is called (A2): opening "new customer" without {@code customer:create} must be refused up front, not
 * after the user has typed the form. The facade's {@code @RequiresPermission} stays the authority.
 */
public final class Permissions {

    private Permissions() {
    }

    /** Whether the current user holds {@code module:action}. */
    public static boolean has(String module, String action) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        String wanted = module + ":" + action;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (wanted.equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    /** Refuses with 403 unless the current user holds {@code module:action}. */
    public static void require(String module, String action) {
        if (!has(module, action)) {
            throw new AccessDeniedException(module + ":" + action);
        }
    }

    /** Refuses with 403 unless the current user holds the permission. */
    public static void require(String module, Authorities.Action action) {
        require(module, action.code());
    }
}
