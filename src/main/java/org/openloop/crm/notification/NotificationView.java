package org.openloop.crm.notification;

import java.time.Instant;
import java.util.UUID;

/** A notification as its recipient sees it, with its text in the reader's language. */
public record NotificationView(UUID id, String type, String text, String link, Instant createdAt, boolean read) {
}
