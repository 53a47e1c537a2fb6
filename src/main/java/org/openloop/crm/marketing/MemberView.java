package org.openloop.crm.marketing;

import java.time.Instant;
import java.util.UUID;

/** A campaign member (J1); customer and contact names as they were when the member was added. */
public record MemberView(UUID id, UUID campaignId, UUID customerId, String customerName, UUID contactId,
        String contactName, MemberStatus status, String responseNote, Instant respondedAt, Instant createdAt,
        long version) {
}
