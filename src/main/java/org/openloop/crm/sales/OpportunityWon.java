package org.openloop.crm.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An opportunity was won (by hand or by a signed contract). */
public record OpportunityWon(UUID opportunityId, UUID customerId, UUID campaignId, BigDecimal amount,
        String currency, Instant at) {
}
