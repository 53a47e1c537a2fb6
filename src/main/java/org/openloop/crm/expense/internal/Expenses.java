package org.openloop.crm.expense.internal;

import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Expenses extends ScopedRepository<Expense, UUID> {

    /** The ids of a customer's expenses, for merges (B6). */
    @Query(value = "select id from expense where customer_id = :customerId", nativeQuery = true)
    java.util.List<UUID> idsOfCustomer(@Param("customerId") UUID customerId);

    /** Points expenses at another customer (kept for the customer filter) after a merge or its undo (B6). */
    @Modifying
    @Query(value = "update expense set customer_id = :to where id in (:ids) and customer_id = :from", nativeQuery = true)
    int repointCustomer(@Param("ids") java.util.Collection<UUID> ids, @Param("from") UUID from, @Param("to") UUID to);
}
