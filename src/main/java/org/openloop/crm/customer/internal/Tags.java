package org.openloop.crm.customer.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Tags extends JpaRepository<Tag, UUID> {

    Optional<Tag> findByNameKey(String nameKey);

    List<Tag> findAllByOrderByManagedDescNameAsc();

    @Query("select count(c) from Customer c join c.tagIds t where t = :tagId")
    long usage(UUID tagId);

    @Query("select t, count(c) from Customer c join c.tagIds t group by t")
    List<Object[]> usageByTag();

    List<Tag> findByIdIn(Collection<UUID> ids);
}
