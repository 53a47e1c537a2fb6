package org.openloop.crm.catalog;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A price list as entered (F4): validity dates are inclusive and optional (open-ended). */
public record PriceListDraft(
        @NotBlank @Size(max = 100) String name,
        @Pattern(regexp = "[A-Z]{3}") String currency,
        LocalDate validFrom,
        LocalDate validTo,
        Boolean active,
        Long version) {
}
