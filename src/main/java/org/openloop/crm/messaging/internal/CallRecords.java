package org.openloop.crm.messaging.internal;

import java.util.Optional;
import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CallRecords extends ScopedRepository<CallRecord, UUID> {

    Optional<CallRecord> findByExternalId(String externalId);

    /** The ids of a customer's records, for merges (B6). */
    @Query("select r.id from CallRecord r where r.customerId = :customerId")
    java.util.List<UUID> idsOfCustomer(@Param("customerId") UUID customerId);

    /** Points records at another customer after a merge or its undo (B6). */
    @Modifying
    @Query("update CallRecord r set r.customerId = :to where r.id in :ids and r.customerId = :from")
    int repointCustomer(@Param("ids") java.util.Collection<UUID> ids, @Param("from") UUID from, @Param("to") UUID to);
}
