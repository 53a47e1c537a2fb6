package org.openloop.crm.customer;

import java.util.UUID;

/**
 * What {@link CustomerLeads#capture} did: the customer the lead belongs to (new in the pool, or the existing one
 * with the same company name when {@code duplicate}), and the contact created or found for the person.
 */
public record CapturedLead(UUID customerId, String customerName, UUID contactId, String contactName,
        boolean duplicate) {
}
