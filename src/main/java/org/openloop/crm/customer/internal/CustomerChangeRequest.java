package org.openloop.crm.customer.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A change to a key field waiting for approval (A7). */
@Entity
@Table(name = "customer_change_request")
public class CustomerChangeRequest {

    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    @Id
    private UUID id;
    @Column(name = "customer_id")
    private UUID customerId;
    private String field;
    @Column(name = "old_value")
    private String oldValue;
    @Column(name = "new_value")
    private String newValue;
    @Column(name = "requested_by")
    private UUID requestedBy;
    @Column(name = "requested_at")
    private Instant requestedAt;
    private String status;
    @Column(name = "decided_by")
    private UUID decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_note")
    private String decisionNote;
    @Version
    private long version;

    protected CustomerChangeRequest() {
    }

    public CustomerChangeRequest(UUID customerId, String field, String oldValue, String newValue, UUID requestedBy,
            Instant now) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.status = PENDING;
    }

    public void decide(boolean approved, UUID by, String note, Instant now) {
        this.status = approved ? APPROVED : REJECTED;
        this.decidedBy = by;
        this.decisionNote = note;
        this.decidedAt = now;
    }

    public boolean isPending() {
        return PENDING.equals(status);
    }

    public UUID getId() {
        return id;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public String getField() {
        return field;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }

    public UUID getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getStatus() {
        return status;
    }

    public UUID getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public long getVersion() {
        return version;
    }
}
