package org.openloop.crm.customer.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerRelations extends JpaRepository<CustomerRelation, UUID> {

    @Query("select r from CustomerRelation r where r.fromId = :customerId or r.toId = :customerId")
    List<CustomerRelation> involving(UUID customerId);

    Optional<CustomerRelation> findFirstByTypeIdAndToId(UUID typeId, UUID toId);

    List<CustomerRelation> findByTypeIdAndFromIdIn(UUID typeId, Collection<UUID> fromIds);

    boolean existsByTypeIdAndFromIdAndToId(UUID typeId, UUID fromId, UUID toId);
}
