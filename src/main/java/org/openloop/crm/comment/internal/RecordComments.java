package org.openloop.crm.comment.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RecordComments extends JpaRepository<RecordComment, UUID> {

    List<RecordComment> findTop200ByRecordTypeAndRecordIdOrderByCreatedAtAscIdAsc(String recordType, UUID recordId);
}
