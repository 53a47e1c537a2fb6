package org.openloop.crm.sales.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Opportunities. Reads for users go through the scoped methods of {@link ScopedRepository}. */
public interface Opportunities extends ScopedRepository<Opportunity, UUID> {

    Optional<Opportunity> findFirstByName(String name);

    List<Opportunity> findByCustomerId(UUID customerId);

    /** Keeps the copy of a customer's name that lists show and search by (no new version: nobody edited them). */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query(
            "update Opportunity o set o.customerName = :name where o.customerId = :customerId")
    int renameCustomer(@org.springframework.data.repository.query.Param("customerId") UUID customerId,
            @org.springframework.data.repository.query.Param("name") String name);

    boolean existsByStageId(UUID stageId);

    boolean existsByPipelineId(UUID pipelineId);

    boolean existsByLossReasonId(UUID lossReasonId);

    /** Per campaign: count, won count (WON or CLOSED), won amount. */
    @Query("""
            select o.campaignId, count(o),
                   sum(case when o.status in (org.openloop.crm.sales.OpportunityStatus.WON,
                                              org.openloop.crm.sales.OpportunityStatus.CLOSED) then 1 else 0 end),
                   sum(case when o.status in (org.openloop.crm.sales.OpportunityStatus.WON,
                                              org.openloop.crm.sales.OpportunityStatus.CLOSED) then o.amount else 0 end)
            from Opportunity o where o.campaignId in :ids group by o.campaignId""")
    List<Object[]> campaignOutcomes(@Param("ids") Collection<UUID> ids);


    /** The ids of a customer's opportunities, for merges (B6). */
    @Query("select o.id from Opportunity o where o.customerId = :customerId")
    List<UUID> idsOfCustomer(@Param("customerId") UUID customerId);
}
