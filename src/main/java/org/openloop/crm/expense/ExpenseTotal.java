package org.openloop.crm.expense;

import java.math.BigDecimal;

/** The sum and count of an opportunity's expenses in one currency. */
public record ExpenseTotal(String currency, BigDecimal amount, long count) {
}
