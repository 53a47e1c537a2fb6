package org.openloop.crm.quoting;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** An accepted quote as the contract module takes it over: its lines and totals are final. */
public record AcceptedQuote(UUID quoteId, String number, int version, UUID opportunityId, UUID customerId,
        String currency, List<QuoteLineView> lines, BigDecimal netTotal, BigDecimal taxTotal, BigDecimal grandTotal) {
}
