package org.openloop.crm.sales.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface StageChanges extends JpaRepository<StageChange, UUID> {

    List<StageChange> findByOpportunityIdOrderByChangedAtAscIdAsc(UUID opportunityId);

    boolean existsByToStageIdOrFromStageId(UUID toStageId, UUID fromStageId);

    /** Newest first, at or before {@code before} (inclusive) and from {@code from} on; milestones only if asked. */
    @Query("""
            select c from StageChange c
            where c.opportunityId in :ids
              and (:milestonesOnly = false or c.fromStatus is null or c.fromStatus <> c.toStatus)
              and (cast(:before as timestamp) is null or c.changedAt <= :before)
              and (cast(:from as timestamp) is null or c.changedAt >= :from)
            order by c.changedAt desc, c.id desc""")
    List<StageChange> newestOf(@Param("ids") Collection<UUID> ids, @Param("milestonesOnly") boolean milestonesOnly,
            @Param("before") Instant before, @Param("from") Instant from, Pageable page);
}
