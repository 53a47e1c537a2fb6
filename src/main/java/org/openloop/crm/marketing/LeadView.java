package org.openloop.crm.marketing;

import java.time.Instant;
import java.util.UUID;

/**
 * A lead the campaign captured (J1, J2): through its public form ({@code via = FORM}) or linked by hand
 * ({@code MANUAL}). {@code duplicate} means the form matched an existing customer, which got the contact instead of
 * a second customer being created. Names and message are what the visitor typed: show them escaped only.
 */
public record LeadView(UUID id, UUID campaignId, UUID customerId, String customerName, UUID contactId,
        String contactName, String message, String via, boolean duplicate, boolean consent, Instant capturedAt) {
}
