package org.openloop.crm.notification;

import java.util.List;
import java.util.UUID;

/** A notification that its recipient wants by e-mail; sent after the notifying transaction commits. */
public record NotificationEmailRequested(UUID notificationId, UUID userId, String messageKey, List<String> arguments,
        String link) {
}
