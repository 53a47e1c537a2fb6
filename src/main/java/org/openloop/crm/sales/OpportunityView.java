package org.openloop.crm.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An opportunity as pages, API and exports show it. {@code actions} are the workflow steps the caller may take now;
 * {@code editable} says whether its fields may be changed (lost and closed opportunities are read-only);
 * {@code customFields} holds the values of custom fields by key (B11).
 */
public record OpportunityView(UUID id, String number, String name, UUID customerId, String customerName,
        BigDecimal amount, String currency, LocalDate expectedCloseDate, UUID pipelineId, String pipelineName,
        UUID stageId, String stageName, int probability, OpportunityStatus status, UUID lossReasonId,
        String lossReasonName, String lossNote, UUID campaignId, String campaignName, String competitors,
        String nextStep, String description, UUID ownerId, String ownerName, UUID departmentId,
        Instant stageEnteredAt, Instant wonAt, Instant lostAt, Instant closedAt, Instant createdAt,
        Instant updatedAt, long version, boolean editable, List<OpportunityAction> actions,
        Map<String, Object> customFields) {

    /** Amount × probability, scale 2. */
    @com.fasterxml.jackson.annotation.JsonProperty("weightedAmount")
    public BigDecimal weightedAmount() {
        return amount.multiply(BigDecimal.valueOf(probability)).divide(BigDecimal.valueOf(100), 2,
                java.math.RoundingMode.HALF_UP);
    }
}
