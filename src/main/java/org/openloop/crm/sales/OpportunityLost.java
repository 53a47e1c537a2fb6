package org.openloop.crm.sales;

import java.time.Instant;
import java.util.UUID;

/** An opportunity was lost, for the reason given. */
public record OpportunityLost(UUID opportunityId, UUID customerId, UUID lossReasonId, Instant at) {
}
