package org.openloop.crm.marketing.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A lead the campaign captured (J1, J2): the customer created by its public form (or found by name), or one linked
 * by hand. Names and message are what the visitor typed and are only ever shown escaped.
 */
@Entity
@Table(name = "campaign_lead")
public class CampaignLead {

    public static final String FORM = "FORM";
    public static final String MANUAL = "MANUAL";

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
    private String message;
    private String via;
    private boolean duplicate;
    private boolean consent;
    @Column(name = "captured_at")
    private Instant capturedAt;

    protected CampaignLead() {
    }

    public CampaignLead(UUID campaignId, UUID customerId, String customerName, UUID contactId, String contactName,
            String message, String via, boolean duplicate, boolean consent, Instant now) {
        this.id = UUID.randomUUID();
        this.campaignId = campaignId;
        this.customerId = customerId;
        this.customerName = customerName;
        this.contactId = contactId;
        this.contactName = contactName;
        this.message = message;
        this.via = via;
        this.duplicate = duplicate;
        this.consent = consent;
        this.capturedAt = now;
    }

    public void movedTo(UUID survivorId) {
        this.customerId = survivorId;
    }

    public UUID getId() { return id; }
    public UUID getCampaignId() { return campaignId; }
    public UUID getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public UUID getContactId() { return contactId; }
    public String getContactName() { return contactName; }
    public String getMessage() { return message; }
    public String getVia() { return via; }
    public boolean isDuplicate() { return duplicate; }
    public boolean isConsent() { return consent; }
    public Instant getCapturedAt() { return capturedAt; }
}
