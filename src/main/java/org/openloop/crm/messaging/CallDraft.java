package org.openloop.crm.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A call as the telephony system reports it (C4). {@code externalCallId} makes the report idempotent; the agent is
 * named by {@code agentId} or {@code agentUsername}; {@code recordingUrl} must be an http(s) link and is stored,
 * never fetched.
 */
public record CallDraft(String externalCallId, String number, CallDirection direction, Instant startedAt,
        Integer durationSeconds, String recordingUrl, UUID agentId, String agentUsername) {
}
