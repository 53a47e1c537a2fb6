package org.openloop.crm.marketing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import org.openloop.crm.audit.Audited;
import org.openloop.crm.marketing.CampaignAction;
import org.openloop.crm.marketing.CampaignStatus;
import org.openloop.crm.marketing.CampaignType;
import org.openloop.crm.shared.OwnedRecord;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A marketing campaign (J1). The status changes only through {@link #apply}, which asks {@link CampaignWorkflow};
 * the public form's token is random (144 bits, URL-safe) and changes only through {@link #regenerateToken}.
 */
@Entity
@Table(name = "campaign")
@Audited(value = "campaign", ignore = {"updatedAt", "formToken"})
public class Campaign implements OwnedRecord {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private UUID id;
    private String name;
    @Enumerated(EnumType.STRING)
    private CampaignType type;
    @Enumerated(EnumType.STRING)
    private CampaignStatus status;
    @Column(name = "start_date")
    private LocalDate startDate;
    @Column(name = "end_date")
    private LocalDate endDate;
    private BigDecimal budget;
    @Column(name = "actual_cost")
    private BigDecimal actualCost;
    @Column(name = "expected_revenue")
    private BigDecimal expectedRevenue;
    private String currency;
    private String description;
    private String segment;
    @Column(name = "form_enabled")
    private boolean formEnabled;
    @Column(name = "form_token")
    private String formToken;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "department_id")
    private UUID departmentId;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Campaign() {
    }

    public Campaign(UUID ownerId, UUID departmentId, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.departmentId = departmentId;
        this.status = CampaignStatus.PLANNED;
        this.formToken = newToken();
        this.createdAt = now;
        this.updatedAt = now;
    }

    public record Details(String name, CampaignType type, LocalDate startDate, LocalDate endDate, BigDecimal budget,
            BigDecimal actualCost, BigDecimal expectedRevenue, String currency, String description, String segment) {
    }

    public void update(Details details, Instant now) {
        this.name = details.name();
        this.type = details.type();
        this.startDate = details.startDate();
        this.endDate = details.endDate();
        this.budget = money(details.budget());
        this.actualCost = money(details.actualCost());
        this.expectedRevenue = money(details.expectedRevenue());
        this.currency = details.currency();
        this.description = details.description();
        this.segment = details.segment();
        this.updatedAt = now;
    }

    /** Takes a workflow step (409 from the wrong status). */
    public void apply(CampaignAction action, Instant now) {
        this.status = CampaignWorkflow.next(status, action);
        this.updatedAt = now;
    }

    public void enableForm(boolean enabled, Instant now) {
        this.formEnabled = enabled;
        this.updatedAt = now;
    }

    /** A new token: links to the old form stop working. */
    public void regenerateToken(Instant now) {
        this.formToken = newToken();
        this.updatedAt = now;
    }

    static String newToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public CampaignType getType() { return type; }
    public CampaignStatus getStatus() { return status; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getEndDate() { return endDate; }
    public BigDecimal getBudget() { return budget; }
    public BigDecimal getActualCost() { return actualCost; }
    public BigDecimal getExpectedRevenue() { return expectedRevenue; }
    public String getCurrency() { return currency; }
    public String getDescription() { return description; }
    public String getSegment() { return segment; }
    public boolean isFormEnabled() { return formEnabled; }
    public String getFormToken() { return formToken; }
    @Override
    public UUID getOwnerId() { return ownerId; }
    @Override
    public UUID getDepartmentId() { return departmentId; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
}
