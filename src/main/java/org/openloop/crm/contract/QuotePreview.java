package org.openloop.crm.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.Sensitive;

/** What a contract made from an accepted quote would contain, shown on the new-contract form. */
public record QuotePreview(UUID quoteId, String quoteNumber, UUID opportunityId, UUID customerId,
        String customerName, String currency, @Sensitive(MaskStyle.AMOUNT) BigDecimal amount,
        List<ContractLineView> lines, boolean masked) {
}
