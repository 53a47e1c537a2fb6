package org.openloop.crm.messaging.internal;

import java.util.Optional;
import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CallRecords extends ScopedRepository<CallRecord, UUID> {

    Optional<CallRecord> findByExternalId(String externalId);

    @Modifying
    @Query("update CallRecord r set r.customerId = :survivor where r.customerId = :merged")
    int moveToCustomer(@Param("merged") UUID merged, @Param("survivor") UUID survivor);
}
