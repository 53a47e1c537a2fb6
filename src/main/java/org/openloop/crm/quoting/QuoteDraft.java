package org.openloop.crm.quoting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A quote as entered (F5). The opportunity is fixed at creation (customer and currency come from it); a
 * {@code version} is required for updates through the body.
 */
public record QuoteDraft(
        @NotNull UUID opportunityId,
        UUID contactId,
        UUID priceListId,
        LocalDate validUntil,
        @Size(max = 4000) String terms,
        @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull QuoteLineDraft> lines,
        Long version) {
}
