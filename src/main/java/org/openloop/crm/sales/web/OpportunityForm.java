package org.openloop.crm.sales.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.openloop.crm.sales.OpportunityDraft;
import org.openloop.crm.sales.OpportunityView;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The opportunity form (F1); the same rules as {@link OpportunityDraft} apply again in the facade. */
public class OpportunityForm {

    @NotNull
    private UUID customerId;
    @NotBlank
    @Size(max = 200)
    private String name;
    @NotNull
    @DecimalMin("0.00")
    @Digits(integer = 16, fraction = 6)
    private BigDecimal amount;
    private String currency = "CNY";
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate expectedCloseDate;
    private UUID pipelineId;
    private UUID stageId;
    @Min(0)
    @Max(100)
    private Integer probability;
    private UUID campaignId;
    @Size(max = 500)
    private String competitors;
    @Size(max = 500)
    private String nextStep;
    @Size(max = 4000)
    private String description;
    private Long version;
    private java.util.Map<String, String> customFields = new java.util.LinkedHashMap<>();

    static OpportunityForm of(OpportunityView o) {
        OpportunityForm form = new OpportunityForm();
        form.customerId = o.customerId();
        form.name = o.name();
        form.amount = o.amount();
        form.currency = o.currency();
        form.expectedCloseDate = o.expectedCloseDate();
        form.pipelineId = o.pipelineId();
        form.stageId = o.stageId();
        form.probability = o.probability();
        form.campaignId = o.campaignId();
        form.competitors = o.competitors();
        form.nextStep = o.nextStep();
        form.description = o.description();
        form.version = o.version();
        form.customFields = org.openloop.crm.customfield.CustomFieldText.formValues(o.customFields());
        return form;
    }

    OpportunityDraft draft() {
        return new OpportunityDraft(customerId, name, amount, currency, expectedCloseDate, pipelineId, stageId,
                probability, campaignId, competitors, nextStep, description, version,
                new java.util.LinkedHashMap<>(customFields));
    }

    public UUID getCustomerId() { return customerId; }
    public void setCustomerId(UUID customerId) { this.customerId = customerId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public LocalDate getExpectedCloseDate() { return expectedCloseDate; }
    public void setExpectedCloseDate(LocalDate expectedCloseDate) { this.expectedCloseDate = expectedCloseDate; }
    public UUID getPipelineId() { return pipelineId; }
    public void setPipelineId(UUID pipelineId) { this.pipelineId = pipelineId; }
    public UUID getStageId() { return stageId; }
    public void setStageId(UUID stageId) { this.stageId = stageId; }
    public Integer getProbability() { return probability; }
    public void setProbability(Integer probability) { this.probability = probability; }
    public UUID getCampaignId() { return campaignId; }
    public void setCampaignId(UUID campaignId) { this.campaignId = campaignId; }
    public String getCompetitors() { return competitors; }
    public void setCompetitors(String competitors) { this.competitors = competitors; }
    public String getNextStep() { return nextStep; }
    public void setNextStep(String nextStep) { this.nextStep = nextStep; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public java.util.Map<String, String> getCustomFields() { return customFields; }
    public void setCustomFields(java.util.Map<String, String> customFields) { this.customFields = customFields; }
}
