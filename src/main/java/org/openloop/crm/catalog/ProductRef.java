package org.openloop.crm.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/** What other modules need of a product: its identity, unit, list price and tax rate, and whether it is active. */
public record ProductRef(UUID id, String code, String name, String unit, BigDecimal listPrice, String currency,
        BigDecimal taxRate, ProductKind kind, boolean active) {
}
