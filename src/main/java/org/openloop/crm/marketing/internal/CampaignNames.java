package org.openloop.crm.marketing.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openloop.crm.marketing.CampaignStatus;
import org.openloop.crm.sales.CampaignDirectory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaigns sales may name as an opportunity's source (J1). Attribution is company-wide: a rep whose data scope
 * shows no campaign must still be able to say which campaign brought the opportunity, so names of all campaigns that
 * are not cancelled are offered (names only — the campaign itself stays within its scope).
 */
@Component
class CampaignNames implements CampaignDirectory {

    private static final int MAX_OPTIONS = 200;

    private final Campaigns campaigns;

    CampaignNames(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> campaignName(UUID campaignId) {
        return campaignId == null ? Optional.empty() : campaigns.findById(campaignId).map(Campaign::getName);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CampaignOption> selectableCampaigns() {
        return campaigns.findByStatusIn(List.of(CampaignStatus.PLANNED, CampaignStatus.ACTIVE,
                CampaignStatus.COMPLETED), PageRequest.of(0, MAX_OPTIONS, Sort.by(Sort.Order.desc("createdAt"),
                        Sort.Order.asc("id"))))
                .stream().map(c -> new CampaignOption(c.getId(), c.getName())).toList();
    }
}
