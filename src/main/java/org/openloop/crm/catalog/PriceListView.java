package org.openloop.crm.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A price list with its prices (ordered by product code). */
public record PriceListView(UUID id, String name, String currency, LocalDate validFrom, LocalDate validTo,
        boolean active, List<PriceListItemView> items, Instant createdAt, long version) {

    /** Whether the list applies on {@code day}: active and within its (inclusive, optional) dates. */
    public boolean validOn(LocalDate day) {
        return active && (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }
}
