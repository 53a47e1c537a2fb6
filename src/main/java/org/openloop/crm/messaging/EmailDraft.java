package org.openloop.crm.messaging;

import java.util.UUID;

/**
 * A mail to send to a contact (C3). With a {@code templateId}, an empty subject or body is taken from the template;
 * variables are replaced in both either way.
 */
public record EmailDraft(UUID contactId, UUID templateId, String subject, String body) {
}
