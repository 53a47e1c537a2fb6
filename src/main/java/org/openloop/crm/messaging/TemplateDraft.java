package org.openloop.crm.messaging;

/** An e-mail template as an administrator writes it; {@code version} for updates (stale → 409). */
public record TemplateDraft(String name, String subject, String body, Long version) {
}
