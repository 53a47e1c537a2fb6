package org.openloop.crm.customer;

import java.util.UUID;

/**
 * A customer got a new owner through a transfer or a manager's assignment (not by claiming it from the pool
 * oneself). {@code assignedBy} is the user who did it.
 */
public record CustomerAssigned(UUID customerId, String number, String name, UUID ownerId, UUID previousOwnerId,
        UUID assignedBy) {
}
