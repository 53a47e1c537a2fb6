package org.openloop.crm.customer;

import java.util.Set;
import java.util.UUID;

/**
 * An existing customer that looks like the one being entered (B6). Duplicates are looked for across the whole
 * company, because a duplicate owned by a colleague is the one most worth knowing about; so a match says no more than
 * number, name and owner — {@code visible} tells whether the reader may open it. {@code reasons} are NAME, PHONE and
 * EMAIL.
 */
public record DuplicateMatch(UUID id, String number, String name, String ownerName, boolean pooled,
        boolean archived, boolean visible, Set<String> reasons) {
}
