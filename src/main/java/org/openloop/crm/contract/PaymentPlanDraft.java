package org.openloop.crm.contract;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A planned instalment (分期回款计划): due date, amount, note. {@code version} only when changing one. */
public record PaymentPlanDraft(
        @NotNull LocalDate dueDate,
        @NotNull @Positive @Digits(integer = 16, fraction = 2) BigDecimal amount,
        @Size(max = 500) String note,
        Long version) {
}
