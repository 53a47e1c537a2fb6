package org.openloop.crm.contract;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new contract made from an accepted quote: lines, amount, customer and opportunity come from the quote. Owner and
 * department are the creator's and never part of the input. The renewal date defaults to the term's end.
 */
public record ContractDraft(
        @NotNull UUID quoteId,
        @NotBlank @Size(max = 200) String title,
        ContractKind kind,
        LocalDate signingDate,
        LocalDate termStart,
        LocalDate termEnd,
        LocalDate renewalDate,
        @Size(max = 100) String signer,
        @Size(max = 4000) String notes) {
}
