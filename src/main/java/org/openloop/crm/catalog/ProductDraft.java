package org.openloop.crm.catalog;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A product or service as entered (F4); {@code version} is required for updates through the body. */
public record ProductDraft(
        @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9._-]+") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 100) String category,
        @NotBlank @Size(max = 30) String unit,
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal listPrice,
        @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotNull @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal taxRate,
        @NotNull ProductKind kind,
        Boolean active,
        @Size(max = 2000) String description,
        Long version) {
}
