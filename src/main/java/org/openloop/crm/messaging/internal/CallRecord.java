package org.openloop.crm.messaging.internal;

import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.messaging.CallDirection;
import org.openloop.crm.messaging.CallStatus;
import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.OwnedRecord;
import org.openloop.crm.shared.Sensitive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A call reported by the telephony system (C4), once per external call id. Owner and department are the agent's
 * when the agent is known, otherwise the matched customer's; an unmatched call without an agent belongs to nobody
 * and is reviewed by company-wide users (A3).
 */
@Entity
@Table(name = "call_record")
public class CallRecord implements OwnedRecord {

    @Id
    private UUID id;
    @Column(name = "external_id")
    private String externalId;
    @Sensitive(MaskStyle.PHONE)
    private String phone;
    @Enumerated(EnumType.STRING)
    private CallDirection direction;
    @Enumerated(EnumType.STRING)
    private CallStatus status;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "duration_seconds")
    private int durationSeconds;
    @Column(name = "recording_url")
    private String recordingUrl;
    @Column(name = "agent_id")
    private UUID agentId;
    @Column(name = "customer_id")
    private UUID customerId;
    @Column(name = "contact_id")
    private UUID contactId;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "department_id")
    private UUID departmentId;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected CallRecord() {
    }

    public CallRecord(String externalId, String phone, CallDirection direction, Instant startedAt,
            int durationSeconds, String recordingUrl, UUID agentId, UUID agentDepartmentId, UUID createdBy,
            Instant now) {
        this.id = UUID.randomUUID();
        this.externalId = externalId;
        this.phone = phone;
        this.direction = direction;
        this.status = CallStatus.REVIEW;
        this.startedAt = startedAt;
        this.durationSeconds = durationSeconds;
        this.recordingUrl = recordingUrl;
        this.agentId = agentId;
        this.ownerId = agentId;
        this.departmentId = agentDepartmentId;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Logs the call on a contact's customer; without an agent it becomes the customer owner's to see. */
    public void logOn(UUID customerId, UUID contactId, UUID customerOwnerId, UUID customerDepartmentId) {
        this.status = CallStatus.LOGGED;
        this.customerId = customerId;
        this.contactId = contactId;
        if (agentId == null) {
            this.ownerId = customerOwnerId;
            this.departmentId = customerDepartmentId;
        }
    }

    public void discard() {
        this.status = CallStatus.DISCARDED;
    }

    public UUID getId() {
        return id;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getPhone() {
        return phone;
    }

    public CallDirection getDirection() {
        return direction;
    }

    public CallStatus getStatus() {
        return status;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public int getDurationSeconds() {
        return durationSeconds;
    }

    public String getRecordingUrl() {
        return recordingUrl;
    }

    public UUID getAgentId() {
        return agentId;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public UUID getContactId() {
        return contactId;
    }

    @Override
    public UUID getOwnerId() {
        return ownerId;
    }

    @Override
    public UUID getDepartmentId() {
        return departmentId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
