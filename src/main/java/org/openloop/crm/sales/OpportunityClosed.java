package org.openloop.crm.sales;

import java.time.Instant;
import java.util.UUID;

/** A won opportunity was closed (its contract fulfilled, or by a manager). */
public record OpportunityClosed(UUID opportunityId, UUID customerId, Instant at) {
}
