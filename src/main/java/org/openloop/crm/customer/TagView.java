package org.openloop.crm.customer;

import java.util.UUID;

/** A tag as lists and pages show it (B3). {@code managed} tags are defined by managers, the others are free tags. */
public record TagView(UUID id, String name, TagColour colour, boolean managed, long usage, long version) {
}
