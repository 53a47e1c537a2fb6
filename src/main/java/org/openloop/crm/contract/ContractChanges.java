package org.openloop.crm.contract;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The editable part of a contract. Lines and amount stay as copied from the quote. {@code version} is the version
 * the client saw (stale → 409). Term dates a user only saw masked are kept when sent back empty.
 */
public record ContractChanges(
        @NotBlank @Size(max = 200) String title,
        @NotNull ContractKind kind,
        LocalDate signingDate,
        LocalDate termStart,
        LocalDate termEnd,
        LocalDate renewalDate,
        @NotNull DeliveryStatus deliveryStatus,
        @Size(max = 100) String signer,
        @Size(max = 4000) String notes,
        Long version) {

    public ContractChanges withVersion(Long newVersion) {
        return new ContractChanges(title, kind, signingDate, termStart, termEnd, renewalDate, deliveryStatus, signer,
                notes, newVersion);
    }
}
