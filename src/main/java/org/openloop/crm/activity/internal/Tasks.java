package org.openloop.crm.activity.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Tasks extends ScopedRepository<Task, UUID> {

    @Query("""
            select t from Task t where t.remindedAt is null and t.remindAt <= :now and t.ownerId is not null
              and t.status in (org.openloop.crm.activity.TaskStatus.NOT_STARTED,
                               org.openloop.crm.activity.TaskStatus.IN_PROGRESS)
            order by t.remindAt, t.id""")
    List<Task> findRemindersDue(@Param("now") Instant now, Pageable page);

    @Query("""
            select t from Task t where t.overdueAlarmedAt is null and t.dueAt < :now and t.ownerId is not null
              and t.status in (org.openloop.crm.activity.TaskStatus.NOT_STARTED,
                               org.openloop.crm.activity.TaskStatus.IN_PROGRESS)
            order by t.dueAt, t.id""")
    List<Task> findOverdueUnalarmed(@Param("now") Instant now, Pageable page);

    /** Marks the reminder sent unless someone else did: 1 means this caller sends it. */
    @Modifying(flushAutomatically = true)
    @Query("update Task t set t.remindedAt = :now where t.id = :id and t.remindedAt is null")
    int markReminded(@Param("id") UUID id, @Param("now") Instant now);

    @Modifying(flushAutomatically = true)
    @Query("update Task t set t.overdueAlarmedAt = :now where t.id = :id and t.overdueAlarmedAt is null")
    int markOverdueAlarmed(@Param("id") UUID id, @Param("now") Instant now);

    /** The tasks of a customer, for merges (B6). */
    @Query("select t.id from Task t where t.customerId = :customerId")
    java.util.List<UUID> idsOfCustomer(@Param("customerId") UUID customerId);
}
