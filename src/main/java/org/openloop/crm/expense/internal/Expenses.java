package org.openloop.crm.expense.internal;

import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Expenses extends ScopedRepository<Expense, UUID> {

    /** Moves the expenses of a merged customer to the survivor (kept for the customer filter). */
    @Modifying
    @Query(value = "update expense set customer_id = :survivor where customer_id = :merged", nativeQuery = true)
    int moveCustomer(@Param("merged") UUID merged, @Param("survivor") UUID survivor);
}
