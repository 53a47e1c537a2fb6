package org.openloop.crm.sales.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StageChanges extends JpaRepository<StageChange, UUID> {

    List<StageChange> findByOpportunityIdOrderByChangedAtAscIdAsc(UUID opportunityId);

    boolean existsByToStageIdOrFromStageId(UUID toStageId, UUID fromStageId);
}
