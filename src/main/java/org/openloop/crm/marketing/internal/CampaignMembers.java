package org.openloop.crm.marketing.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.marketing.MemberStatus;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Campaign members; read only after the campaign was checked against the caller's scope. */
public interface CampaignMembers extends JpaRepository<CampaignMember, UUID>, JpaSpecificationExecutor<CampaignMember> {

    long countByCampaignId(UUID campaignId);

    long countByCampaignIdAndStatusIn(UUID campaignId, Collection<MemberStatus> statuses);

    Optional<CampaignMember> findByIdAndCampaignId(UUID id, UUID campaignId);

    List<CampaignMember> findByIdInAndCampaignId(Collection<UUID> ids, UUID campaignId);

    boolean existsByCampaignIdAndCustomerId(UUID campaignId, UUID customerId);

    @Query("select m.customerId from CampaignMember m where m.campaignId = :campaignId and m.customerId in :customerIds")
    Set<UUID> membersAmong(@Param("campaignId") UUID campaignId, @Param("customerIds") Collection<UUID> customerIds);

    List<CampaignMember> findByCustomerId(UUID customerId);
}
