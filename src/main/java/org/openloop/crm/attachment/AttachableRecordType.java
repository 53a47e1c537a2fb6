package org.openloop.crm.attachment;

import java.util.UUID;

/**
 * Implemented, as a Spring bean, by every module whose records can carry attachments (B8). The attachment module
 * finds the implementation by {@link #recordType()} and asks it before every read and change, so access to an
 * attachment is exactly access to its owning record and the dependency points from the owning module to this one.
 */
public interface AttachableRecordType {

    /** The record type as attachments and the audit trail name it ({@code customer}, {@code contact} …). */
    String recordType();

    /**
     * Returns quietly when the current user may see the record; throws
     * {@link org.openloop.crm.shared.RecordNotFoundException} when it does not exist or lies outside the user's
     * data scope (A3, answered 404), or {@link org.springframework.security.access.AccessDeniedException} when the
     * user's role may not view records of this type at all (403).
     */
    void checkReadable(UUID recordId);

    /**
     * Like {@link #checkReadable}, and additionally throws
     * {@link org.springframework.security.access.AccessDeniedException} (403) when the user may see the record but
     * not change it. Uploading and deleting attachments count as changing the record.
     */
    void checkEditable(UUID recordId);
}
