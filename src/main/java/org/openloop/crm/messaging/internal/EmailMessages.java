package org.openloop.crm.messaging.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EmailMessages extends ScopedRepository<EmailMessage, UUID> {

    boolean existsByMessageId(String messageId);

    @Query("select m.messageId from EmailMessage m where m.messageId in :ids")
    List<String> findKnownMessageIds(@Param("ids") Collection<String> ids);
}
