package org.openloop.crm.customer;

import java.util.UUID;

/**
 * A customer's name changed (an edit, an approved change request, a merge's choice of name or its undo). Modules that
 * show the name with their own records, in their search documents for example, refresh them.
 */
public record CustomerRenamed(UUID customerId, String name) {
}
