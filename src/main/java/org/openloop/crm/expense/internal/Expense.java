package org.openloop.crm.expense.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.openloop.crm.audit.Audited;
import org.openloop.crm.expense.ExpenseType;
import org.openloop.crm.shared.OwnedRecord;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An expense on an opportunity (F8), owned by its recorder. */
@Entity
@Table(name = "expense")
@Audited("expense")
public class Expense implements OwnedRecord {

    @Id
    private UUID id;
    @Column(name = "opportunity_id")
    private UUID opportunityId;
    @Column(name = "customer_id")
    private UUID customerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "expense_type")
    private ExpenseType type;
    private BigDecimal amount;
    private String currency;
    @Column(name = "spent_on")
    private LocalDate spentOn;
    private String description;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "department_id")
    private UUID departmentId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Expense() {
    }

    public Expense(UUID opportunityId, UUID customerId, UUID ownerId, UUID departmentId, Instant now) {
        this.id = UUID.randomUUID();
        this.opportunityId = opportunityId;
        this.customerId = customerId;
        this.ownerId = ownerId;
        this.departmentId = departmentId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** What the recorder may change. */
    public record Details(ExpenseType type, BigDecimal amount, String currency, LocalDate spentOn,
            String description) {
    }

    public void update(Details details, Instant now) {
        this.type = details.type();
        this.amount = details.amount();
        this.currency = details.currency();
        this.spentOn = details.spentOn();
        this.description = details.description();
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public UUID getOpportunityId() {
        return opportunityId;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public ExpenseType getType() {
        return type;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public LocalDate getSpentOn() {
        return spentOn;
    }

    public String getDescription() {
        return description;
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

    public long getVersion() {
        return version;
    }
}
