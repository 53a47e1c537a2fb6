package org.openloop.crm.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a user may set on a campaign (J1). Owner, department, status and the form token are not part of it: the
 * owner is the creator, the status moves only through the workflow, the token is issued by the system.
 * {@code segment} is the target segment as customer list filters (the parameters of {@code /customers}).
 */
public record CampaignDraft(
        @NotBlank @Size(max = 200) String name,
        @NotNull CampaignType type,
        LocalDate startDate,
        LocalDate endDate,
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal budget,
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal actualCost,
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal expectedRevenue,
        @Pattern(regexp = "[A-Z]{3}", message = "{marketing.validation.currency}") String currency,
        @Size(max = 4000) String description,
        Map<String, String> segment,
        Long version) {

    public CampaignDraft {
        name = name == null || name.isBlank() ? null : name.trim();
        description = description == null || description.isBlank() ? null : description.trim();
        currency = currency == null || currency.isBlank() ? "CNY" : currency.trim();
        segment = segment == null ? Map.of() : Map.copyOf(segment);
    }
}
