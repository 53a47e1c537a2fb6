package org.openloop.crm.customer.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerRelationTypes extends JpaRepository<CustomerRelationType, UUID> {

    boolean existsByCode(String code);

    List<CustomerRelationType> findAllByOrderByBuiltInDescCodeAsc();
}
