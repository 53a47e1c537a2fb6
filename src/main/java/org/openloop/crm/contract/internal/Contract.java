package org.openloop.crm.contract.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.audit.Audited;
import org.openloop.crm.contract.ContractKind;
import org.openloop.crm.contract.ContractStatus;
import org.openloop.crm.contract.DeliveryStatus;
import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.OwnedRecord;
import org.openloop.crm.shared.Sensitive;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A contract or order (F6) made from one accepted quote (unique). Lines and totals are the quote's as accepted and
 * never change; {@code received} is the sum of the payments, kept by {@link Settlement} in the transaction that
 * changes them. Owner and department are the creator's until the contract is transferred ({@link #transferTo}).
 */
@Entity
@Table(name = "contract")
@Audited(value = "contract", ignore = {"lines", "updatedAt", "renewalRemindedAt"})
public class Contract implements OwnedRecord {

    @Id
    private UUID id;
    private String number;
    private String title;
    @Enumerated(EnumType.STRING)
    private ContractKind kind;
    @Enumerated(EnumType.STRING)
    private ContractStatus status;
    @Column(name = "quote_id")
    private UUID quoteId;
    @Column(name = "quote_number")
    private String quoteNumber;
    @Column(name = "opportunity_id")
    private UUID opportunityId;
    @Column(name = "customer_id")
    private UUID customerId;
    private String currency;
    @Sensitive(MaskStyle.AMOUNT)
    private BigDecimal amount;
    @Sensitive(MaskStyle.AMOUNT)
    @Column(name = "net_total")
    private BigDecimal netTotal;
    @Sensitive(MaskStyle.AMOUNT)
    @Column(name = "tax_total")
    private BigDecimal taxTotal;
    @Sensitive(MaskStyle.AMOUNT)
    private BigDecimal received;
    @Column(name = "signing_date")
    private LocalDate signingDate;
    @Sensitive(MaskStyle.AMOUNT)
    @Column(name = "term_start")
    private LocalDate termStart;
    @Sensitive(MaskStyle.AMOUNT)
    @Column(name = "term_end")
    private LocalDate termEnd;
    @Column(name = "renewal_date")
    private LocalDate renewalDate;
    @Column(name = "renewal_reminded_at")
    private Instant renewalRemindedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_status")
    private DeliveryStatus deliveryStatus;
    private String signer;
    private String notes;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "department_id")
    private UUID departmentId;
    @ElementCollection
    @CollectionTable(name = "contract_line", joinColumns = @JoinColumn(name = "contract_id"))
    @OrderBy("position")
    private List<ContractLine> lines = new ArrayList<>();
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Contract() {
    }

    /** The quote's part of a new contract. */
    public record Quoted(UUID quoteId, String quoteNumber, UUID opportunityId, UUID customerId, String currency,
            List<ContractLine> lines, BigDecimal netTotal, BigDecimal taxTotal, BigDecimal grandTotal) {
    }

    /** The editable part. */
    public record Terms(String title, ContractKind kind, LocalDate signingDate, LocalDate termStart,
            LocalDate termEnd, LocalDate renewalDate, String signer, String notes) {
    }

    public Contract(String number, Quoted quoted, Terms terms, UUID ownerId, UUID departmentId, Instant now) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.quoteId = quoted.quoteId();
        this.quoteNumber = quoted.quoteNumber();
        this.opportunityId = quoted.opportunityId();
        this.customerId = quoted.customerId();
        this.currency = quoted.currency() == null ? "CNY" : quoted.currency();
        this.lines = new ArrayList<>(quoted.lines());
        this.netTotal = Money.of(quoted.netTotal());
        this.taxTotal = Money.of(quoted.taxTotal());
        this.amount = Money.of(quoted.grandTotal());
        this.received = Money.ZERO;
        this.status = ContractStatus.ACTIVE;
        this.deliveryStatus = DeliveryStatus.NOT_SHIPPED;
        this.ownerId = ownerId;
        this.departmentId = departmentId;
        this.createdAt = now;
        apply(terms, now);
    }

    /** New terms; the renewal date follows the term's end unless given. */
    public void apply(Terms terms, Instant now) {
        this.title = terms.title().trim();
        this.kind = terms.kind() == null ? ContractKind.CONTRACT : terms.kind();
        this.signingDate = terms.signingDate();
        this.termStart = terms.termStart();
        this.termEnd = terms.termEnd();
        LocalDate renewal = terms.renewalDate() != null ? terms.renewalDate() : terms.termEnd();
        if (renewal == null || !renewal.equals(this.renewalDate)) {
            this.renewalRemindedAt = null;
        }
        this.renewalDate = renewal;
        this.signer = blankToNull(terms.signer());
        this.notes = blankToNull(terms.notes());
        this.updatedAt = now;
    }

    public void deliver(DeliveryStatus status, Instant now) {
        this.deliveryStatus = status;
        this.updatedAt = now;
    }

    /** Sets the received total and the status that follows from it and the delivery. */
    void settle(BigDecimal receivedTotal, Instant now) {
        this.received = Money.of(receivedTotal);
        this.status = fulfilled() ? ContractStatus.COMPLETED : ContractStatus.ACTIVE;
        this.updatedAt = now;
    }

    /** Fully paid and shipped. */
    public boolean fulfilled() {
        return deliveryStatus == DeliveryStatus.SHIPPED && received.compareTo(amount) >= 0;
    }

    public BigDecimal outstanding() {
        return amount.subtract(received);
    }

    /** A new owner (transfer, A5 checked by the caller); the contract then belongs to the owner's department. */
    public void transferTo(UUID newOwnerId, UUID newDepartmentId, Instant now) {
        this.ownerId = newOwnerId;
        this.departmentId = newDepartmentId;
        this.updatedAt = now;
    }

    public void moveToCustomer(UUID survivor) {
        this.customerId = survivor;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public UUID getId() { return id; }
    public String getNumber() { return number; }
    public String getTitle() { return title; }
    public ContractKind getKind() { return kind; }
    public ContractStatus getStatus() { return status; }
    public UUID getQuoteId() { return quoteId; }
    public String getQuoteNumber() { return quoteNumber; }
    public UUID getOpportunityId() { return opportunityId; }
    public UUID getCustomerId() { return customerId; }
    public String getCurrency() { return currency; }
    public BigDecimal getAmount() { return amount; }
    public BigDecimal getNetTotal() { return netTotal; }
    public BigDecimal getTaxTotal() { return taxTotal; }
    public BigDecimal getReceived() { return received; }
    public LocalDate getSigningDate() { return signingDate; }
    public LocalDate getTermStart() { return termStart; }
    public LocalDate getTermEnd() { return termEnd; }
    public LocalDate getRenewalDate() { return renewalDate; }
    public DeliveryStatus getDeliveryStatus() { return deliveryStatus; }
    public String getSigner() { return signer; }
    public String getNotes() { return notes; }
    @Override
    public UUID getOwnerId() { return ownerId; }
    @Override
    public UUID getDepartmentId() { return departmentId; }
    public List<ContractLine> getLines() { return java.util.Collections.unmodifiableList(lines); }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
}
