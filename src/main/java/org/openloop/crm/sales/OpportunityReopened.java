package org.openloop.crm.sales;

import java.time.Instant;
import java.util.UUID;

/** A lost opportunity was reopened by a manager and is open again. */
public record OpportunityReopened(UUID opportunityId, UUID customerId, Instant at) {
}
