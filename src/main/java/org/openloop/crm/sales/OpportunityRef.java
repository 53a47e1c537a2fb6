package org.openloop.crm.sales;

import java.math.BigDecimal;
import java.util.UUID;

/** What other modules need to know about an opportunity. */
public record OpportunityRef(UUID id, String number, String name, UUID customerId, String customerName,
        OpportunityStatus status, BigDecimal amount, String currency, UUID ownerId, UUID departmentId,
        UUID campaignId) {
}
