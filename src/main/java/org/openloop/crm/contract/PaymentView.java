package org.openloop.crm.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.Sensitive;

/** Money received against a contract. */
public record PaymentView(UUID id, UUID contractId, String contractNumber, UUID customerId, String customerName,
        UUID planId, LocalDate receivedOn, @Sensitive(MaskStyle.AMOUNT) BigDecimal amount, PaymentMethod method,
        String reference, String note, Instant createdAt, long version) {
}
