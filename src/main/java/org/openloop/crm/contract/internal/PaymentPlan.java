package org.openloop.crm.contract.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.hibernate.annotations.DynamicUpdate;
import org.openloop.crm.audit.Audited;
import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.OwnedRecord;
import org.openloop.crm.shared.Sensitive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A planned instalment of a contract. Owner and department are the contract's, so the payments page applies data
 * scope directly. {@code covered} is kept by {@link Settlement}; {@code overdueNotifiedAt} is set once by the
 * overdue job with a conditional update ({@link DynamicUpdate} keeps a form save from writing it back).
 */
@Entity
@Table(name = "payment_plan")
@DynamicUpdate
@Audited(value = "paymentPlan", ignore = {"updatedAt", "overdueNotifiedAt", "covered"})
public class PaymentPlan implements OwnedRecord {

    @Id
    private UUID id;
    @Column(name = "contract_id")
    private UUID contractId;
    @Column(name = "due_date")
    private LocalDate dueDate;
    @Sensitive(MaskStyle.AMOUNT)
    private BigDecimal amount;
    private String note;
    @org.hibernate.annotations.OptimisticLock(excluded = true)
    private boolean covered;
    @Column(name = "overdue_notified_at")
    private Instant overdueNotifiedAt;
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

    protected PaymentPlan() {
    }

    public PaymentPlan(Contract contract, LocalDate dueDate, BigDecimal amount, String note, Instant now) {
        this.id = UUID.randomUUID();
        this.contractId = contract.getId();
        this.ownerId = contract.getOwnerId();
        this.departmentId = contract.getDepartmentId();
        this.createdAt = now;
        change(dueDate, amount, note, now);
    }

    public void change(LocalDate newDueDate, BigDecimal newAmount, String newNote, Instant now) {
        if (dueDate != null && !dueDate.equals(newDueDate)) {
            overdueNotifiedAt = null;
        }
        this.dueDate = newDueDate;
        this.amount = Money.of(newAmount);
        this.note = newNote == null || newNote.isBlank() ? null : newNote.trim();
        this.updatedAt = now;
    }

    /** The contract changed hands: its instalments and payments stay in the new owner's scope. */
    public void followOwner(Contract contract, Instant now) {
        this.ownerId = contract.getOwnerId();
        this.departmentId = contract.getDepartmentId();
        this.updatedAt = now;
    }

    void cover(boolean value) {
        this.covered = value;
    }

    public boolean overdue(LocalDate today) {
        return !covered && dueDate.isBefore(today);
    }

    public UUID getId() { return id; }
    public UUID getContractId() { return contractId; }
    public LocalDate getDueDate() { return dueDate; }
    public BigDecimal getAmount() { return amount; }
    public String getNote() { return note; }
    public boolean isCovered() { return covered; }
    @Override
    public UUID getOwnerId() { return ownerId; }
    @Override
    public UUID getDepartmentId() { return departmentId; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
}
