package org.openloop.crm.messaging.internal;

import java.util.Optional;
import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;

public interface CallRecords extends ScopedRepository<CallRecord, UUID> {

    Optional<CallRecord> findByExternalId(String externalId);
}
