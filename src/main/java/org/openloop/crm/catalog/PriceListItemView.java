package org.openloop.crm.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/** One product's price in a price list, beside the product's list price. */
public record PriceListItemView(UUID productId, String productCode, String productName, String unit,
        BigDecimal listPrice, BigDecimal price) {
}
