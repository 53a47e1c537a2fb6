package org.openloop.crm.customer.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerMerges extends JpaRepository<CustomerMerge, UUID> {

    List<CustomerMerge> findBySurvivorIdOrderByMergedAtDesc(UUID survivorId);

    List<CustomerMerge> findByMergedId(UUID mergedId);
}
