package org.openloop.crm.collaboration.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Collaboration tasks. Reads for users go through {@link CollaborationAccess}'s visibility, never the plain finders. */
public interface CollaborationTasks extends ScopedRepository<CollaborationTask, UUID> {

    /** Overdue tasks not escalated yet, for the escalation job. */
    @Query("""
            select t from CollaborationTask t
            where t.state <> org.openloop.crm.collaboration.CollaborationState.DONE
              and t.escalatedAt is null and t.expectedAt < :now
            order by t.expectedAt, t.id""")
    List<CollaborationTask> findOverdueUnescalated(@Param("now") Instant now, Pageable page);

    boolean existsByNumber(String number);

    /** The ids of a customer's records, for merges (B6). */
    @Query("select t.id from CollaborationTask t where t.customerId = :customerId")
    List<UUID> idsOfCustomer(@Param("customerId") UUID customerId);

    /** Keeps the copy of a customer's name that lists show and search by (no new version: nobody edited them). */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update CollaborationTask t set t.customerName = :name where t.customerId = :customerId")
    int renameCustomer(@Param("customerId") UUID customerId,
            @Param("name") String name);
}
