package org.openloop.crm.contract.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.openloop.crm.audit.Audited;
import org.openloop.crm.contract.PaymentMethod;
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

/** Money received against a contract (回款); owner and department are the contract's. Audited, corrections too. */
@Entity
@Table(name = "payment")
@Audited(value = "payment", ignore = {"updatedAt"})
public class Payment implements OwnedRecord {

    @Id
    private UUID id;
    @Column(name = "contract_id")
    private UUID contractId;
    @Column(name = "plan_id")
    private UUID planId;
    @Column(name = "received_on")
    private LocalDate receivedOn;
    @Sensitive(MaskStyle.AMOUNT)
    private BigDecimal amount;
    @Enumerated(EnumType.STRING)
    private PaymentMethod method;
    private String reference;
    private String note;
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

    protected Payment() {
    }

    public record Details(LocalDate receivedOn, BigDecimal amount, PaymentMethod method, String reference,
            String note, UUID planId) {
    }

    public Payment(Contract contract, Details details, Instant now) {
        this.id = UUID.randomUUID();
        this.contractId = contract.getId();
        this.ownerId = contract.getOwnerId();
        this.departmentId = contract.getDepartmentId();
        this.createdAt = now;
        change(details, now);
    }

    public void change(Details details, Instant now) {
        this.receivedOn = details.receivedOn();
        this.amount = Money.of(details.amount());
        this.method = details.method();
        this.reference = blankToNull(details.reference());
        this.note = blankToNull(details.note());
        this.planId = details.planId();
        this.updatedAt = now;
    }

    /** The contract changed hands: its instalments and payments stay in the new owner's scope. */
    public void followOwner(Contract contract, Instant now) {
        this.ownerId = contract.getOwnerId();
        this.departmentId = contract.getDepartmentId();
        this.updatedAt = now;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public UUID getId() { return id; }
    public UUID getContractId() { return contractId; }
    public UUID getPlanId() { return planId; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public BigDecimal getAmount() { return amount; }
    public PaymentMethod getMethod() { return method; }
    public String getReference() { return reference; }
    public String getNote() { return note; }
    @Override
    public UUID getOwnerId() { return ownerId; }
    @Override
    public UUID getDepartmentId() { return departmentId; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
}
