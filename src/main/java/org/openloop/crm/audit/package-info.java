/**
 * Audit trail (A6): every change of an {@link org.openloop.crm.audit.Audited} entity (field, old and new value),
 * assignments, exports, logins, failed logins and lockouts, with who and when. Sensitive values are masked for
 * readers without the right, like everywhere else.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.openloop.crm.audit;
