package org.openloop.crm.expense;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An expense as users see it, with its opportunity's number and name and whether it may still be changed. */
public record ExpenseView(UUID id, UUID opportunityId, String opportunityNumber, String opportunityName,
        UUID customerId, String customerName, ExpenseType type, BigDecimal amount, String currency, LocalDate spentOn,
        String description, UUID ownerId, String ownerName, UUID departmentId, boolean editable, Instant createdAt,
        long version) {
}
