package org.openloop.crm.activity.internal;

import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Interactions extends ScopedRepository<Interaction, UUID> {

    /**
     * Records the task made from a to-do. Written directly: Hibernate does not reliably see a change inside an
     * element of an embeddable collection, and the link must never be lost.
     */
    @Modifying(flushAutomatically = true)
    @Query(value = "update interaction_todo set task_id = :taskId where interaction_id = :id and todo_index = :index",
            nativeQuery = true)
    int linkTodo(@Param("id") UUID interactionId, @Param("index") int index, @Param("taskId") UUID taskId);

    /** A page of a customer's interactions (not scoped), to refresh their search documents. */
    Slice<Interaction> findByCustomerId(UUID customerId, Pageable page);

    /** The interactions of a customer, for merges (B6). */
    @Query("select i.id from Interaction i where i.customerId = :customerId")
    java.util.List<UUID> idsOfCustomer(@Param("customerId") UUID customerId);
}
