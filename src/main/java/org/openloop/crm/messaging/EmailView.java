package org.openloop.crm.messaging;

import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.Sensitive;

/**
 * A sent or received mail as pages and the API show it; addresses masked for readers without the right (A4).
 * {@code failureReason} says why the mail server refused a {@code FAILED} mail.
 */
public record EmailView(UUID id, EmailDirection direction, EmailStatus status,
        @Sensitive(MaskStyle.EMAIL) String from, @Sensitive(MaskStyle.EMAIL) String to, String subject, String body,
        String failureReason, Instant occurredAt, UUID senderId, String senderName, UUID customerId,
        UUID contactId) {
}
