package org.openloop.crm.marketing.internal;

import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.marketing.MemberStatus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A customer invited to a campaign (J1) and their response. Access follows the campaign; the customer's name is
 * kept as it was when added, because readers of the campaign may not see every member customer.
 */
@Entity
@Table(name = "campaign_member")
public class CampaignMember {

    @Id
    private UUID id;
    @Column(name = "campaign_id")
    private UUID campaignId;
    @Column(name = "customer_id")
    private UUID customerId;
    @Column(name = "customer_name")
    private String customerName;
    @Column(name = "contact_id")
    private UUID contactId;
    @Column(name = "contact_name")
    private String contactName;
    @Enumerated(EnumType.STRING)
    private MemberStatus status;
    @Column(name = "response_note")
    private String responseNote;
    @Column(name = "responded_at")
    private Instant respondedAt;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected CampaignMember() {
    }

    public CampaignMember(UUID campaignId, UUID customerId, String customerName, UUID contactId, String contactName,
            Instant now) {
        this.id = UUID.randomUUID();
        this.campaignId = campaignId;
        this.customerId = customerId;
        this.customerName = customerName;
        this.contactId = contactId;
        this.contactName = contactName;
        this.status = MemberStatus.INVITED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new status; the first response (responded or attended) is timed, a note given replaces the old one. */
    public void respond(MemberStatus status, String note, Instant now) {
        this.status = status;
        if (status.responded() && respondedAt == null) {
            respondedAt = now;
        }
        if (!status.responded()) {
            respondedAt = null;
        }
        if (note != null) {
            responseNote = note.isBlank() ? null : note.trim();
        }
        this.updatedAt = now;
    }

    /** The customer was merged into another (RecordsMerged). */
    public void movedTo(UUID survivorId, Instant now) {
        this.customerId = survivorId;
        this.updatedAt = now;
    }

    public UUID getId() { return id; }
    public UUID getCampaignId() { return campaignId; }
    public UUID getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public UUID getContactId() { return contactId; }
    public String getContactName() { return contactName; }
    public MemberStatus getStatus() { return status; }
    public String getResponseNote() { return responseNote; }
    public Instant getRespondedAt() { return respondedAt; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
}
