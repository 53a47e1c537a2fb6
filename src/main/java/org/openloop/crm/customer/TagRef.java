package org.openloop.crm.customer;

import java.util.UUID;

/** A tag on a record. */
public record TagRef(UUID id, String name, TagColour colour) {
}
