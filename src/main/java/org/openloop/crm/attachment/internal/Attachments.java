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

    @Modifying
    @Query("update Attachment a set a.recordId = :survivor where a.recordType = :type and a.recordId = :merged")
    int moveToRecord(@Param("type") String recordType, @Param("merged") UUID mergedId,
            @Param("survivor") UUID survivorId);
}
