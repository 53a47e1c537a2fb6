package org.openloop.crm.customer.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CustomerChangeRequests
        extends JpaRepository<CustomerChangeRequest, UUID>, JpaSpecificationExecutor<CustomerChangeRequest> {

    List<CustomerChangeRequest> findByCustomerIdOrderByRequestedAtDesc(UUID customerId, Pageable page);

    List<CustomerChangeRequest> findByCustomerIdInAndStatus(Collection<UUID> customerIds, String status);

    boolean existsByCustomerIdAndFieldAndStatus(UUID customerId, String field, String status);

    boolean existsByCustomerId(UUID customerId);

    @Query(value = "select field from customer_key_field", nativeQuery = true)
    List<String> keyFields();

    @Modifying
    @Query(value = "delete from customer_key_field", nativeQuery = true)
    void clearKeyFields();

    @Modifying
    @Query(value = "insert into customer_key_field (field) values (:field)", nativeQuery = true)
    void addKeyField(String field);
}
