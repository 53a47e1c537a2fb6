package org.openloop.crm.sales.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Stages extends JpaRepository<Stage, UUID> {

    List<Stage> findByPipelineIdOrderByPositionAscNameAsc(UUID pipelineId);

    List<Stage> findByPipelineIdInOrderByPositionAscNameAsc(Collection<UUID> pipelineIds);
}
