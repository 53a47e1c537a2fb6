package org.openloop.crm.audit;

/** What an audit entry records. */
public enum AuditAction {
    CREATE, UPDATE, DELETE, ASSIGN, EXPORT, LOGIN, LOGIN_FAILED, ACCOUNT_LOCKED, LOGOUT, PERMISSION_CHANGE, DOWNLOAD
}
