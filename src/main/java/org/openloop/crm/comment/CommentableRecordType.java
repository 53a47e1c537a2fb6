package org.openloop.crm.comment;

import java.util.UUID;

/**
 * Implemented, as a Spring bean, by every module whose records carry comments (E8). The comment module finds it by
 * {@link #recordType()} and asks it before every read and write, and before telling a mentioned user.
 */
public interface CommentableRecordType {

    /** The record type as comments name it ({@code customer}, {@code collaboration} …). */
    String recordType();

    /**
     * Returns quietly when the current user may see the record; throws
     * {@link org.openloop.crm.shared.RecordNotFoundException} (404) when it does not exist or lies outside their
     * scope, {@link org.springframework.security.access.AccessDeniedException} (403) without the view permission.
     */
    void checkReadable(UUID recordId);

    /** Whether {@code userId} (not the current user) may read the record: permission and data scope. */
    boolean canRead(UUID userId, UUID recordId);

    /** A short name of the record for notification texts, called after {@link #checkReadable}. */
    String label(UUID recordId);

    /** The application path of the record's page. */
    String link(UUID recordId);
}
