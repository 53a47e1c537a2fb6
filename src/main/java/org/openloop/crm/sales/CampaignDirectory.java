package org.openloop.crm.sales;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SPI implemented by the marketing module; sales works without it (then the campaign field is hidden). */
public interface CampaignDirectory {

    /** The name of a campaign, if it exists. */
    Optional<String> campaignName(UUID campaignId);

    /** The campaigns the current user may choose as an opportunity's source, for the opportunity form. */
    List<CampaignOption> selectableCampaigns();

    record CampaignOption(UUID id, String name) {
    }
}
