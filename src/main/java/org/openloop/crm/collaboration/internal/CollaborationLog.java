package org.openloop.crm.collaboration.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CollaborationLog extends JpaRepository<CollaborationLogEntry, UUID> {

    List<CollaborationLogEntry> findByTaskIdOrderByCreatedAtAscIdAsc(UUID taskId);
}
