package org.openloop.crm.quoting;

import java.math.BigDecimal;
import java.util.UUID;

/** A quote in a list of another module (the contract module's choice of quotes, for example). */
public record QuoteSummary(UUID id, String number, int version, QuoteStatus status, UUID opportunityId,
        UUID customerId, String currency, BigDecimal grandTotal) {
}
