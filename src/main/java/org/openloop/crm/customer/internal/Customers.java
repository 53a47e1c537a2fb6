package org.openloop.crm.customer.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.customer.CustomerLevel;
import org.openloop.crm.shared.ScopedRepository;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Customers extends ScopedRepository<Customer, UUID> {

    boolean existsByNumber(String number);

    java.util.Optional<Customer> findByNumber(String number);

    List<Customer> findTop10ByNameKeyAndMergedIntoIsNull(String nameKey);

    List<Customer> findTop10ByPhoneAndMergedIntoIsNull(String phone);

    List<Customer> findTop10ByEmailAndMergedIntoIsNull(String email);

    List<Customer> findByNameKeyIsNull(Pageable page);

    List<Customer> findByNameKeyInAndMergedIntoIsNull(java.util.Collection<String> nameKeys);

    List<Customer> findByPhoneInAndMergedIntoIsNull(java.util.Collection<String> phones);

    List<Customer> findByEmailInAndMergedIntoIsNull(java.util.Collection<String> emails);

    @org.springframework.data.jpa.repository.Modifying
    @Query(value = "delete from customer_tag where tag_id = :tagId", nativeQuery = true)
    int removeTag(@Param("tagId") UUID tagId);

    /** How many current customers of a level a user holds, for the pool cap (B5). */
    long countByOwnerIdAndLevelAndArchivedFalse(UUID ownerId, CustomerLevel level);

    /** Owned, current customers of a level whose follow-up clock started before {@code cutoff} (B5). */
    @Query("""
            select c from Customer c
            where c.ownerId is not null and c.archived = false and c.level = :level
              and coalesce(c.ownedSince, c.createdAt) < :cutoff
              and (c.lastInteractionAt is null or c.lastInteractionAt < :cutoff)
            order by c.id""")
    List<Customer> findFollowUpDue(@Param("level") CustomerLevel level, @Param("cutoff") Instant cutoff,
            Pageable page);

    /** Like {@link #findFollowUpDue} but only those not warned yet. */
    @Query("""
            select c from Customer c
            where c.ownerId is not null and c.archived = false and c.level = :level and c.poolWarnedAt is null
              and coalesce(c.ownedSince, c.createdAt) < :cutoff
              and (c.lastInteractionAt is null or c.lastInteractionAt < :cutoff)
            order by c.id""")
    List<Customer> findUnwarnedFollowUpDue(@Param("level") CustomerLevel level, @Param("cutoff") Instant cutoff,
            Pageable page);
}
