package org.openloop.crm.marketing;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.sales.OpportunityManagement;
import org.springframework.stereotype.Component;

/**
 * What sales reports about campaigns: opportunities linked, won, and the won amount, company-wide
 * ({@link OpportunityManagement#campaignOutcomes}). Kept in one place so the facade's ROI does not care where the
 * figures come from.
 */
@Component
class CampaignOutcomes {

    record Outcome(long opportunities, long won, BigDecimal wonAmount) {
        static final Outcome NONE = new Outcome(0, 0, BigDecimal.ZERO.setScale(2));
    }

    private final OpportunityManagement opportunities;

    CampaignOutcomes(OpportunityManagement opportunities) {
        this.opportunities = opportunities;
    }

    Map<UUID, Outcome> of(Collection<UUID> campaignIds) {
        Map<UUID, Outcome> outcomes = new HashMap<>();
        opportunities.campaignOutcomes(campaignIds).forEach((id, o) -> outcomes.put(id,
                new Outcome(o.opportunities(), o.won(), o.wonAmount() == null ? Outcome.NONE.wonAmount()
                        : o.wonAmount())));
        return outcomes;
    }
}
