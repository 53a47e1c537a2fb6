package org.openloop.crm.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A catalogue entry as pages, API and exports show it. */
public record ProductView(UUID id, String code, String name, String category, String unit, BigDecimal listPrice,
        String currency, BigDecimal taxRate, ProductKind kind, boolean active, String description, Instant createdAt,
        Instant updatedAt, long version) {
}
