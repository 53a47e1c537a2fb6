package org.openloop.crm.audit.internal;

import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.platform.AccountLocked;
import org.openloop.crm.platform.DataExported;
import org.openloop.crm.shared.CrmPrincipal;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Audits logins, failed logins, lockouts, logouts and exports (A6). Runs synchronously so that the entry exists even
 * if the request fails afterwards.
 */
@Component
class SecurityAuditListener {

    private final AuditTrail trail;

    SecurityAuditListener(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void onLogin(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CrmPrincipal principal) {
            trail.recordSecurityEvent(AuditAction.LOGIN, principal.userId(), label(principal), null);
        }
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CrmPrincipal principal) {
            trail.recordSecurityEvent(AuditAction.LOGOUT, principal.userId(), label(principal), null);
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        trail.recordSecurityEvent(AuditAction.LOGIN_FAILED, null, String.valueOf(event.getAuthentication().getName()),
                event.getException().getClass().getSimpleName());
    }

    @EventListener
    void onLocked(AccountLocked event) {
        trail.recordSecurityEvent(AuditAction.ACCOUNT_LOCKED, null, event.username(),
                "locked until " + event.lockedUntil());
    }

    @EventListener
    void onExport(DataExported event) {
        trail.record(AuditAction.EXPORT, event.entityType(), null, null, null, null,
                event.format() + ", " + event.rows() + " rows");
    }

    private static String label(CrmPrincipal principal) {
        return principal.displayName() + " (" + principal.username() + ")";
    }
}
