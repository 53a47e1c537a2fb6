package org.openloop.crm.expense;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * What a user records about an expense (F8). Owner and department are never part of it: they are the recorder's.
 * The amount is rounded half-up to two decimals and must stay above zero; the currency defaults to CNY; the date may
 * not lie in the future (checked by the facade in the company's time zone). The opportunity of an expense is fixed
 * once recorded.
 */
public record ExpenseDraft(
        @NotNull UUID opportunityId,
        @NotNull ExpenseType type,
        @NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotNull LocalDate spentOn,
        @Size(max = 2000) String description,
        Long version) {

    public static final String DEFAULT_CURRENCY = "CNY";

    public ExpenseDraft {
        amount = amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
        currency = currency == null || currency.isBlank() ? DEFAULT_CURRENCY
                : currency.trim().toUpperCase(Locale.ROOT);
        description = description == null || description.isBlank() ? null : description.trim();
    }

    public ExpenseDraft withVersion(Long newVersion) {
        return new ExpenseDraft(opportunityId, type, amount, currency, spentOn, description, newVersion);
    }
}
