package org.openloop.crm.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * A change to a key field of a customer (A7) and its decision. Old and new values of phone and e-mail are masked for
 * readers without the sensitive right (A4).
 */
public record ChangeRequestView(UUID id, UUID customerId, String customerNumber, String customerName, String field,
        String oldValue, String newValue, UUID requestedBy, String requestedByName, Instant requestedAt, String status,
        String decidedByName, Instant decidedAt, String decisionNote, long version) {
}
