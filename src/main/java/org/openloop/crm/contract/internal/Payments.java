package org.openloop.crm.contract.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;

/** Received payments. */
public interface Payments extends ScopedRepository<Payment, UUID> {

    List<Payment> findByContractIdOrderByReceivedOnAscCreatedAtAsc(UUID contractId);

    List<Payment> findByContractIdIn(Collection<UUID> contractIds);

    boolean existsByContractId(UUID contractId);
}
