package org.openloop.crm.sales.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.openloop.crm.audit.Audited;
import org.openloop.crm.sales.OpportunityStatus;
import org.openloop.crm.shared.OwnedRecord;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An opportunity (商机, F1). Its status changes only through {@code changeStatus}, which the facade calls with the
 * state {@link OpportunityWorkflow} decided; fields change only while {@code editable}.
 */
@Entity
@Table(name = "opportunity")
@Audited(value = "opportunity", ignore = {"stageEnteredAt", "customerName", "wonAt", "lostAt", "closedAt"})
public class Opportunity implements OwnedRecord {

    @Id
    private UUID id;
    private String number;
    private String name;
    @Column(name = "customer_id")
    private UUID customerId;
    @Column(name = "customer_name")
    private String customerName;
    private BigDecimal amount;
    private String currency;
    @Column(name = "expected_close_date")
    private LocalDate expectedCloseDate;
    @Column(name = "pipeline_id")
    private UUID pipelineId;
    @Column(name = "stage_id")
    private UUID stageId;
    private int probability;
    @Enumerated(EnumType.STRING)
    private OpportunityStatus status;
    @Column(name = "loss_reason_id")
    private UUID lossReasonId;
    @Column(name = "loss_note")
    private String lossNote;
    @Column(name = "campaign_id")
    private UUID campaignId;
    private String competitors;
    @Column(name = "next_step")
    private String nextStep;
    private String description;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "department_id")
    private UUID departmentId;
    @Column(name = "stage_entered_at")
    private Instant stageEnteredAt;
    @Column(name = "won_at")
    private Instant wonAt;
    @Column(name = "lost_at")
    private Instant lostAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Opportunity() {
    }

    public Opportunity(String number, UUID ownerId, UUID departmentId, Instant now) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.ownerId = ownerId;
        this.departmentId = departmentId;
        this.status = OpportunityStatus.OPEN;
        this.stageEnteredAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The editable fields; the stage is moved with {@code moveTo}. */
    public record Details(UUID customerId, String customerName, String name, BigDecimal amount, String currency,
            LocalDate expectedCloseDate, int probability, UUID campaignId, String competitors, String nextStep,
            String description) {
    }

    public void update(Details details, Instant now) {
        this.customerId = details.customerId();
        this.customerName = details.customerName();
        this.name = details.name().trim();
        this.amount = details.amount().setScale(2, RoundingMode.HALF_UP);
        this.currency = details.currency();
        this.expectedCloseDate = details.expectedCloseDate();
        this.probability = details.probability();
        this.campaignId = details.campaignId();
        this.competitors = blankToNull(details.competitors());
        this.nextStep = blankToNull(details.nextStep());
        this.description = blankToNull(details.description());
        this.updatedAt = now;
    }

    /** Puts the opportunity into a stage (of a pipeline), taking the stage's probability. */
    public void moveTo(UUID pipelineId, UUID stageId, int probability, Instant now) {
        this.pipelineId = pipelineId;
        this.stageId = stageId;
        this.probability = probability;
        this.stageEnteredAt = now;
        this.updatedAt = now;
    }

    /** Applies a status the workflow allowed. */
    public void changeStatus(OpportunityStatus next, UUID lossReasonId, String lossNote, Integer probability,
            Instant now) {
        switch (next) {
            case WON -> this.wonAt = now;
            case LOST -> {
                this.lostAt = now;
                this.lossReasonId = lossReasonId;
                this.lossNote = blankToNull(lossNote);
            }
            case CLOSED -> this.closedAt = now;
            case OPEN -> {
                this.lostAt = null;
                this.lossReasonId = null;
                this.lossNote = null;
            }
        }
        this.status = next;
        if (probability != null) {
            this.probability = probability;
        }
        this.updatedAt = now;
    }

    public void linkCampaign(UUID campaignId, Instant now) {
        this.campaignId = campaignId;
        this.updatedAt = now;
    }

    /** After a customer merge (B6); the survivor's name when known. */
    public void moveToCustomer(UUID customerId, String customerName, Instant now) {
        this.customerId = customerId;
        if (customerName != null) {
            this.customerName = customerName;
        }
        this.updatedAt = now;
    }

    public void transferTo(UUID ownerId, UUID departmentId, Instant now) {
        this.ownerId = ownerId;
        this.departmentId = departmentId;
        this.updatedAt = now;
    }

    /** Lost and closed opportunities are read-only (F2). */
    public boolean editable() {
        return status == OpportunityStatus.OPEN || status == OpportunityStatus.WON;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public UUID getId() { return id; }
    public String getNumber() { return number; }
    public String getName() { return name; }
    public UUID getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public LocalDate getExpectedCloseDate() { return expectedCloseDate; }
    public UUID getPipelineId() { return pipelineId; }
    public UUID getStageId() { return stageId; }
    public int getProbability() { return probability; }
    public OpportunityStatus getStatus() { return status; }
    public UUID getLossReasonId() { return lossReasonId; }
    public String getLossNote() { return lossNote; }
    public UUID getCampaignId() { return campaignId; }
    public String getCompetitors() { return competitors; }
    public String getNextStep() { return nextStep; }
    public String getDescription() { return description; }
    @Override
    public UUID getOwnerId() { return ownerId; }
    @Override
    public UUID getDepartmentId() { return departmentId; }
    public Instant getStageEnteredAt() { return stageEnteredAt; }
    public Instant getWonAt() { return wonAt; }
    public Instant getLostAt() { return lostAt; }
    public Instant getClosedAt() { return closedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
