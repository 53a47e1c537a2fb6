package org.openloop.crm.notification.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationPreferenceEntries
        extends JpaRepository<NotificationPreferenceEntry, NotificationPreferenceEntry.Key> {

    List<NotificationPreferenceEntry> findByUserId(UUID userId);
}
