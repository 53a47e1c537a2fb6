package org.openloop.crm.messaging;

import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.Sensitive;

/** A logged call; the number masked for readers without the right (A4). */
public record CallView(UUID id, String externalCallId, @Sensitive(MaskStyle.PHONE) String number,
        CallDirection direction, CallStatus status, Instant startedAt, int durationSeconds, String recordingUrl,
        UUID agentId, String agentName, UUID customerId, UUID contactId, Instant createdAt) {
}
