package org.openloop.crm.contract.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Contracts. Reads for users go through the {@code *Visible} methods. */
public interface Contracts extends ScopedRepository<Contract, UUID> {

    boolean existsByQuoteId(UUID quoteId);

    /** A page of a customer's contracts (not scoped), to refresh their search documents. */
    Slice<Contract> findByCustomerId(UUID customerId, Pageable page);

    /** The ids of a customer's contracts, for merges (B6). */
    @Query("select c.id from Contract c where c.customerId = :customerId")
    List<UUID> idsOfCustomer(@Param("customerId") UUID customerId);

    /** Contracts whose renewal reminder is due and not sent yet, for the reminder job. */
    @Query("""
            select c from Contract c
            where c.renewalRemindedAt is null and c.renewalDate is not null and c.renewalDate <= :horizon
              and c.renewalDate >= :today
            order by c.renewalDate, c.id""")
    List<Contract> findRenewalsDue(@Param("today") LocalDate today, @Param("horizon") LocalDate horizon,
            Pageable page);

    /** Marks the renewal reminder as sent; 1 only for the caller that set it first. */
    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("update Contract c set c.renewalRemindedAt = :now where c.id = :id and c.renewalRemindedAt is null")
    int markRenewalReminded(@Param("id") UUID id, @Param("now") Instant now);
}
