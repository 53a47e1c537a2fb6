package org.openloop.crm.attachment.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Attachment metadata. Not a scoped repository: callers check access on the owning record first. */
public interface Attachments extends JpaRepository<Attachment, UUID> {

    List<Attachment> findByRecordTypeAndRecordIdOrderByCreatedAtDescIdDesc(String recordType, UUID recordId);

    /** Points attachments at another record of the same type, after a merge or its undo (B6). */
    @Modifying
    @Query("update Attachment a set a.recordId = :to where a.id in :ids and a.recordId = :from")
    int repoint(@Param("ids") java.util.Collection<UUID> ids, @Param("from") UUID from, @Param("to") UUID to);
}
