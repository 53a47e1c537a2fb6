package org.openloop.crm.messaging.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EmailMessages extends ScopedRepository<EmailMessage, UUID> {

    boolean existsByMessageId(String messageId);

    @Query("select m.messageId from EmailMessage m where m.messageId in :ids")
    List<String> findKnownMessageIds(@Param("ids") Collection<String> ids);

    @Modifying
    @Query("update EmailMessage r set r.customerId = :survivor where r.customerId = :merged")
    int moveToCustomer(@Param("merged") UUID merged, @Param("survivor") UUID survivor);
}
