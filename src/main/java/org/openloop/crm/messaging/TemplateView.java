package org.openloop.crm.messaging;

import java.time.Instant;
import java.util.UUID;

public record TemplateView(UUID id, String name, String subject, String body, Instant updatedAt, long version) {
}
