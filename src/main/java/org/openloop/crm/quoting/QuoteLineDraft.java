package org.openloop.crm.quoting;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A quote line as entered. Unit price and tax rate may be left out: they are then taken from the quote's price list
 * on the quote date (else the list price) and from the product.
 */
public record QuoteLineDraft(
        @NotNull UUID productId,
        @Size(max = 500) String description,
        @NotNull @DecimalMin(value = "0.000", inclusive = false) @Digits(integer = 10, fraction = 3) BigDecimal quantity,
        @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal unitPrice,
        @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
        @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal taxRate) {
}
