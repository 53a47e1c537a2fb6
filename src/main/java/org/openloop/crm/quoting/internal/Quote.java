package org.openloop.crm.quoting.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.audit.Audited;
import org.openloop.crm.quoting.QuoteAction;
import org.openloop.crm.quoting.QuoteStatus;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.OwnedRecord;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One version of a quote (F5). Owned by the sales rep who made it (department: the rep's). Every state change goes
 * through {@link #apply}, which asks {@link QuoteWorkflow}; the totals are kept equal to the sums of the lines by
 * {@link #recalculate}. The opportunity's and customer's names are kept as they were when the quote was made.
 */
@Entity
@Table(name = "quote")
@Audited(value = "quote", ignore = {"updatedAt", "grossTotal"})
public class Quote implements OwnedRecord {

    @Id
    private UUID id;
    private String number;
    @Column(name = "version_no")
    private int quoteVersion;
    @Enumerated(EnumType.STRING)
    private QuoteStatus status;
    @Column(name = "opportunity_id")
    private UUID opportunityId;
    @Column(name = "opportunity_name")
    private String opportunityName;
    @Column(name = "customer_id")
    private UUID customerId;
    @Column(name = "customer_name")
    private String customerName;
    @Column(name = "contact_id")
    private UUID contactId;
    @Column(name = "price_list_id")
    private UUID priceListId;
    private String currency;
    @Column(name = "quote_date")
    private LocalDate quoteDate;
    @Column(name = "valid_until")
    private LocalDate validUntil;
    private String terms;
    @Column(name = "gross_total")
    private BigDecimal grossTotal;
    @Column(name = "net_total")
    private BigDecimal netTotal;
    @Column(name = "tax_total")
    private BigDecimal taxTotal;
    @Column(name = "grand_total")
    private BigDecimal grandTotal;
    @Column(name = "approval_required")
    private boolean approvalRequired;
    @Column(name = "approved_by")
    private UUID approvedBy;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "approval_rejected_reason")
    private String approvalRejectedReason;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "decided_at")
    private Instant decidedAt;
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

    protected Quote() {
    }

    /** Follows a customer merge, or its undo (B6); the name is kept with the record. */
    public void moveToCustomer(UUID customerId, String customerName, Instant now) {
        this.customerId = customerId;
        if (customerName != null) {
            this.customerName = customerName;
        }
        this.updatedAt = now;
    }

    public Quote(String number, int quoteVersion, UUID opportunityId, String opportunityName, UUID customerId,
            String customerName, String currency, UUID ownerId, UUID departmentId, LocalDate quoteDate,
            Instant now) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.quoteVersion = quoteVersion;
        this.status = QuoteStatus.DRAFT;
        this.opportunityId = opportunityId;
        this.opportunityName = opportunityName;
        this.customerId = customerId;
        this.customerName = customerName;
        this.currency = currency;
        this.ownerId = ownerId;
        this.departmentId = departmentId;
        this.quoteDate = quoteDate;
        this.grossTotal = QuoteArithmetic.cents(BigDecimal.ZERO);
        this.netTotal = grossTotal;
        this.taxTotal = grossTotal;
        this.grandTotal = grossTotal;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The next version: a DRAFT copy of this one's header (lines are copied by the caller). */
    public Quote nextVersion(LocalDate today, Instant now) {
        Quote next = new Quote(number, quoteVersion + 1, opportunityId, opportunityName, customerId, customerName,
                currency, ownerId, departmentId, today, now);
        next.contactId = contactId;
        next.priceListId = priceListId;
        next.validUntil = validUntil == null || validUntil.isBefore(today) ? null : validUntil;
        next.terms = terms;
        return next;
    }

    public void updateHeader(UUID contactId, UUID priceListId, LocalDate validUntil, String terms, Instant now) {
        this.contactId = contactId;
        this.priceListId = priceListId;
        this.validUntil = validUntil;
        this.terms = terms;
        this.updatedAt = now;
    }

    /** Sets the totals to the sums of {@code lines} and whether a discount needs approval. */
    public void recalculate(List<QuoteLine> lines, BigDecimal approvalThreshold) {
        QuoteArithmetic.Totals totals = QuoteArithmetic.totals(lines.stream().map(QuoteLine::amounts).toList());
        this.grossTotal = totals.grossTotal();
        this.netTotal = totals.netTotal();
        this.taxTotal = totals.taxTotal();
        this.grandTotal = totals.grandTotal();
        this.approvalRequired = lines.stream().anyMatch(l -> l.getDiscountPercent().compareTo(approvalThreshold) > 0);
    }

    /** Takes a workflow step; {@code reason} is required when an approver sends the quote back. */
    public QuoteStatus apply(QuoteAction action, QuoteWorkflow.Actor actor, UUID userId, String reason, Instant now) {
        QuoteStatus next = QuoteWorkflow.next(status, action, actor, approvalRequired);
        switch (action) {
            case REJECT_APPROVAL -> {
                String trimmed = reason == null ? "" : reason.trim();
                if (trimmed.isEmpty() || trimmed.length() > 1000) {
                    throw BusinessRuleException.onField("reason", "quote.rejectApproval.reason");
                }
                approvalRejectedReason = trimmed;
                approvedBy = null;
                approvedAt = null;
            }
            case APPROVE -> {
                approvedBy = userId;
                approvedAt = now;
                approvalRejectedReason = null;
            }
            case ACCEPT, REJECT -> decidedAt = now;
            default -> {
            }
        }
        if (next == QuoteStatus.SENT) {
            sentAt = now;
        }
        status = next;
        updatedAt = now;
        return next;
    }

    /** Keeps a detached copy's lock version equal to the stored one (after a merge-insert). */
    public void syncVersion(long stored) {
        this.version = stored;
    }

    public UUID getId() { return id; }
    public String getNumber() { return number; }
    public int getQuoteVersion() { return quoteVersion; }
    public QuoteStatus getStatus() { return status; }
    public UUID getOpportunityId() { return opportunityId; }
    public String getOpportunityName() { return opportunityName; }
    public UUID getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public UUID getContactId() { return contactId; }
    public UUID getPriceListId() { return priceListId; }
    public String getCurrency() { return currency; }
    public LocalDate getQuoteDate() { return quoteDate; }
    public LocalDate getValidUntil() { return validUntil; }
    public String getTerms() { return terms; }
    public BigDecimal getGrossTotal() { return grossTotal; }
    public BigDecimal getNetTotal() { return netTotal; }
    public BigDecimal getTaxTotal() { return taxTotal; }
    public BigDecimal getGrandTotal() { return grandTotal; }
    public boolean isApprovalRequired() { return approvalRequired; }
    public UUID getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getApprovalRejectedReason() { return approvalRejectedReason; }
    public Instant getSentAt() { return sentAt; }
    public Instant getDecidedAt() { return decidedAt; }
    @Override
    public UUID getOwnerId() { return ownerId; }
    @Override
    public UUID getDepartmentId() { return departmentId; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
