package org.openloop.crm.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Input for creating or editing an opportunity (F1). {@code pipelineId}/{@code stageId} default to the default
 * pipeline's first stage; {@code probability} defaults to the stage's; {@code currency} to CNY. {@code version} is
 * the version the client saw (edits only). {@code customFields} holds custom field values by key (B11); {@code null}
 * leaves stored values as they are.
 */
public record OpportunityDraft(
        @NotNull UUID customerId,
        @NotBlank @Size(max = 200) String name,
        @NotNull @DecimalMin("0.00") @DecimalMax("9999999999999999.99") @Digits(integer = 16, fraction = 6) BigDecimal amount,
        @Pattern(regexp = "[A-Za-z]{3}") String currency,
        LocalDate expectedCloseDate,
        UUID pipelineId,
        UUID stageId,
        @Min(0) @Max(100) Integer probability,
        UUID campaignId,
        @Size(max = 500) String competitors,
        @Size(max = 500) String nextStep,
        @Size(max = 4000) String description,
        Long version,
        Map<String, Object> customFields) {

    /** A draft without custom fields: on update they keep their values (B11). */
    public OpportunityDraft(UUID customerId, String name, BigDecimal amount, String currency,
            LocalDate expectedCloseDate, UUID pipelineId, UUID stageId, Integer probability, UUID campaignId,
            String competitors, String nextStep, String description, Long version) {
        this(customerId, name, amount, currency, expectedCloseDate, pipelineId, stageId, probability, campaignId,
                competitors, nextStep, description, version, null);
    }
}
