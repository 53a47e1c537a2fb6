package org.openloop.crm.marketing;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * What sales reports about campaigns: opportunities linked, won, and the won amount, company-wide. Kept in one
 * place so the facade's ROI does not care where the figures come from.
 */
@Component
class CampaignOutcomes {

    record Outcome(long opportunities, long won, BigDecimal wonAmount) {
        static final Outcome NONE = new Outcome(0, 0, BigDecimal.ZERO.setScale(2));
    }

    Map<UUID, Outcome> of(Collection<UUID> campaignIds) {
        return Map.of();
    }
}
