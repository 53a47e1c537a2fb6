package org.openloop.crm.marketing.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openloop.crm.marketing.CampaignStatus;
import org.openloop.crm.shared.ScopedRepository;

/** Campaigns. Reads for users go through the scoped methods; the finders are for the public form and sales. */
public interface Campaigns extends ScopedRepository<Campaign, UUID> {

    Optional<Campaign> findByFormToken(String formToken);

    List<Campaign> findByStatusIn(List<CampaignStatus> statuses, org.springframework.data.domain.Pageable page);

    Optional<Campaign> findFirstByName(String name);
}
