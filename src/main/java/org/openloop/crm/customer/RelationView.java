package org.openloop.crm.customer;

import java.util.UUID;

/**
 * One relation seen from a customer (B4): {@code otherIsParent} says whether the other customer is on the parent or
 * master side. Name and number of a customer the reader may not open are left out ({@code otherVisible} false).
 */
public record RelationView(UUID id, RelationTypeView type, boolean otherIsParent, UUID otherId, String otherNumber,
        String otherName, boolean otherVisible) {
}
