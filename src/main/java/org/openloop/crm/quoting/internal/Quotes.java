package org.openloop.crm.quoting.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Quotes. Reads for users go through the scoped {@code *Visible} methods. */
public interface Quotes extends ScopedRepository<Quote, UUID> {

    /** Every version of a quote number, oldest first (not scoped: the caller has checked one of them). */
    List<Quote> findByNumberOrderByQuoteVersion(String number);

    /** SENT quotes whose last valid day is before {@code today}, for the expiry job. */
    @Query("""
            select q.id from Quote q
            where q.status = org.openloop.crm.quoting.QuoteStatus.SENT and q.validUntil < :today
            order by q.validUntil, q.id""")
    List<UUID> findExpiredIds(@Param("today") LocalDate today, Pageable page);

    /** A page of a customer's quotes (not scoped), to refresh their search documents. */
    Slice<Quote> findByCustomerId(UUID customerId, Pageable page);

    /** The ids of a customer's records, for merges (B6). */
    @Query("select q.id from Quote q where q.customerId = :customerId")
    List<UUID> idsOfCustomer(@Param("customerId") UUID customerId);
}
