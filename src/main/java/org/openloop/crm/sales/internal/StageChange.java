package org.openloop.crm.sales.internal;

import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.sales.OpportunityStatus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stage or status change of an opportunity (F3), written by the facade with every move and transition. */
@Entity
@Table(name = "opportunity_stage_change")
public class StageChange {

    @Id
    private UUID id;
    @Column(name = "opportunity_id")
    private UUID opportunityId;
    @Column(name = "from_stage_id")
    private UUID fromStageId;
    @Column(name = "to_stage_id")
    private UUID toStageId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private OpportunityStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private OpportunityStatus toStatus;
    @Column(name = "changed_at")
    private Instant changedAt;
    @Column(name = "changed_by")
    private UUID changedBy;
    private String note;

    protected StageChange() {
    }

    public StageChange(UUID opportunityId, UUID fromStageId, UUID toStageId, OpportunityStatus fromStatus,
            OpportunityStatus toStatus, Instant changedAt, UUID changedBy, String note) {
        this.id = UUID.randomUUID();
        this.opportunityId = opportunityId;
        this.fromStageId = fromStageId;
        this.toStageId = toStageId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.note = note;
    }

    public UUID getId() { return id; }
    public UUID getOpportunityId() { return opportunityId; }
    public UUID getFromStageId() { return fromStageId; }
    public UUID getToStageId() { return toStageId; }
    public OpportunityStatus getFromStatus() { return fromStatus; }
    public OpportunityStatus getToStatus() { return toStatus; }
    public Instant getChangedAt() { return changedAt; }
    public UUID getChangedBy() { return changedBy; }
    public String getNote() { return note; }
}
