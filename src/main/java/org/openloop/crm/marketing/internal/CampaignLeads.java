package org.openloop.crm.marketing.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Captured leads; read only after the campaign was checked against the caller's scope. */
public interface CampaignLeads extends JpaRepository<CampaignLead, UUID>, JpaSpecificationExecutor<CampaignLead> {

    long countByCampaignId(UUID campaignId);

    boolean existsByCampaignIdAndCustomerId(UUID campaignId, UUID customerId);

    List<CampaignLead> findByCustomerId(UUID customerId);
}
