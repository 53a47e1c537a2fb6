package org.openloop.crm.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Money received (回款) against a contract, optionally for one planned instalment. */
public record PaymentDraft(
        @NotNull LocalDate receivedOn,
        @NotNull @Positive @Digits(integer = 16, fraction = 2) BigDecimal amount,
        @NotNull PaymentMethod method,
        @Size(max = 100) String reference,
        @Size(max = 500) String note,
        UUID planId,
        Long version) {
}
