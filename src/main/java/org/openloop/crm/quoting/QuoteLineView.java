package org.openloop.crm.quoting;

import java.math.BigDecimal;
import java.util.UUID;

/** One line of a quote with its amounts, each rounded HALF_UP to the cent. */
public record QuoteLineView(UUID id, int position, UUID productId, String productCode, String productName,
        String description, String unit, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
        BigDecimal taxRate, BigDecimal netAmount, BigDecimal taxAmount, BigDecimal totalAmount) {
}
