package org.openloop.crm.platform.listview;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SavedListViewEntries extends JpaRepository<SavedListViewEntry, UUID> {

    List<SavedListViewEntry> findByUserIdAndListKeyOrderByNameAsc(UUID userId, String listKey);

    Optional<SavedListViewEntry> findByUserIdAndListKeyAndName(UUID userId, String listKey, String name);

    Optional<SavedListViewEntry> findByIdAndUserId(UUID id, UUID userId);

    long countByUserIdAndListKey(UUID userId, String listKey);
}
