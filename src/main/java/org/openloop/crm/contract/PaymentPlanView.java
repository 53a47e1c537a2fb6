package org.openloop.crm.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.Sensitive;

/**
 * A planned instalment. {@code covered}: the money received so far, applied to instalments in due-date order, pays
 * it in full; {@code overdue}: due before today and not covered.
 */
public record PaymentPlanView(UUID id, UUID contractId, String contractNumber, UUID customerId, String customerName,
        LocalDate dueDate, @Sensitive(MaskStyle.AMOUNT) BigDecimal amount, String note, boolean covered,
        boolean overdue, long version) {
}
