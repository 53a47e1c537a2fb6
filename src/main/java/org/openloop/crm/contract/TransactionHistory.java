package org.openloop.crm.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.Sensitive;

/**
 * A customer's transactions (B10): the contracts the reader may see with their lines, the payments on them, newest
 * first, and the totals per currency. Amounts are masked for readers without {@code sensitive:view}.
 */
public record TransactionHistory(UUID customerId, List<ContractView> contracts, List<PaymentView> payments,
        List<Totals> totals, boolean masked) {

    /** Totals of one currency: contracted, received and outstanding. */
    public record Totals(String currency, @Sensitive(MaskStyle.AMOUNT) BigDecimal contracted,
            @Sensitive(MaskStyle.AMOUNT) BigDecimal received, @Sensitive(MaskStyle.AMOUNT) BigDecimal outstanding) {
    }
}
