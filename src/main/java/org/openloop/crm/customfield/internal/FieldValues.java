package org.openloop.crm.customfield.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface FieldValues extends JpaRepository<FieldValue, UUID> {

    /** Every value of a page of records in one query (no query per row). */
    List<FieldValue> findByRecordTypeAndRecordIdIn(String recordType, Collection<UUID> recordIds);

    List<FieldValue> findByRecordTypeAndRecordId(String recordType, UUID recordId);

    boolean existsByFieldId(UUID fieldId);

    @Modifying
    @Query("delete from FieldValue v where v.recordType = ?1 and v.recordId = ?2")
    int deleteRecord(String recordType, UUID recordId);
}
