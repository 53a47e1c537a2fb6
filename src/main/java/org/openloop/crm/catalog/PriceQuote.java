package org.openloop.crm.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The price of a product on a day: from {@code priceListId} when that list is active, valid on the day and prices
 * the product ({@code fromPriceList}), otherwise the product's list price ({@code priceListId} null).
 */
public record PriceQuote(UUID productId, UUID priceListId, boolean fromPriceList, BigDecimal price, String currency,
        BigDecimal taxRate) {
}
