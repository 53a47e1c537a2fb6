package org.openloop.crm.activity;

import java.time.Instant;
import java.util.UUID;

/** An interaction with a customer was recorded (C1). */
public record InteractionRecorded(UUID interactionId, UUID customerId, Instant occurredAt) {
}
