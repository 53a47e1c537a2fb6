package org.openloop.crm.contract.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Planned instalments. */
public interface PaymentPlans extends ScopedRepository<PaymentPlan, UUID> {

    List<PaymentPlan> findByContractIdOrderByDueDateAscIdAsc(UUID contractId);

    List<PaymentPlan> findByContractIdIn(Collection<UUID> contractIds);

    /** Overdue instalments not notified yet, for the overdue job. */
    @Query("""
            select p from PaymentPlan p
            where p.overdueNotifiedAt is null and p.covered = false and p.dueDate < :today
            order by p.dueDate, p.id""")
    List<PaymentPlan> findOverdueUnnotified(@Param("today") LocalDate today, Pageable page);

    /** Marks one instalment as notified; 1 only for the caller that set it first. */
    @Modifying(flushAutomatically = true)
    @Query("update PaymentPlan p set p.overdueNotifiedAt = :now where p.id = :id and p.overdueNotifiedAt is null")
    int markOverdueNotified(@Param("id") UUID id, @Param("now") Instant now);
}
