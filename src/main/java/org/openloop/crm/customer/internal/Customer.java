package org.openloop.crm.customer.internal;

import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.audit.Audited;
import org.openloop.crm.customer.CompanySize;
import org.openloop.crm.customer.CustomerLevel;
import org.openloop.crm.customer.CustomerSource;
import org.openloop.crm.customer.CustomerType;
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

/** A customer (B1). The owner and department change only through {@link #transferTo}. */
@Entity
@Table(name = "customer")
@Audited("customer")
public class Customer implements OwnedRecord {

    @Id
    private UUID id;
    private String number;
    private String name;
    private String industry;
    @Enumerated(EnumType.STRING)
    @Column(name = "company_size")
    private CompanySize size;
    @Enumerated(EnumType.STRING)
    private CustomerType type;
    @Enumerated(EnumType.STRING)
    private CustomerLevel level;
    @Enumerated(EnumType.STRING)
    private CustomerSource source;
    private String address;
    @Sensitive(MaskStyle.PHONE)
    private String phone;
    @Sensitive(MaskStyle.EMAIL)
    private String email;
    private String website;
    private String background;
    @Column(name = "pain_points")
    private String painPoints;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "department_id")
    private UUID departmentId;
    private boolean archived;
    @Column(name = "archive_reason")
    private String archiveReason;
    @Column(name = "last_interaction_at")
    private Instant lastInteractionAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Customer() {
    }

    public Customer(String number, UUID ownerId, UUID departmentId, Instant now) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.ownerId = ownerId;
        this.departmentId = departmentId;
        this.type = CustomerType.TARGET;
        this.level = CustomerLevel.NORMAL;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public record Details(String name, String industry, CompanySize size, CustomerType type, CustomerLevel level,
            CustomerSource source, String address, String phone, String email, String website, String background,
            String painPoints) {
    }

    public void update(Details details, Instant now) {
        this.name = details.name();
        this.industry = details.industry();
        this.size = details.size();
        this.type = details.type();
        this.level = details.level();
        this.source = details.source();
        this.address = details.address();
        this.phone = details.phone();
        this.email = details.email();
        this.website = details.website();
        this.background = details.background();
        this.painPoints = details.painPoints();
        this.updatedAt = now;
    }

    public void transferTo(UUID ownerId, UUID departmentId, Instant now) {
        this.ownerId = ownerId;
        this.departmentId = departmentId;
        this.updatedAt = now;
    }

    public void archive(String reason, Instant now) {
        this.archived = true;
        this.archiveReason = reason;
        this.updatedAt = now;
    }

    public void reactivate(Instant now) {
        this.archived = false;
        this.archiveReason = null;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getName() {
        return name;
    }

    public String getIndustry() {
        return industry;
    }

    public CompanySize getSize() {
        return size;
    }

    public CustomerType getType() {
        return type;
    }

    public CustomerLevel getLevel() {
        return level;
    }

    public CustomerSource getSource() {
        return source;
    }

    public String getAddress() {
        return address;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public String getWebsite() {
        return website;
    }

    public String getBackground() {
        return background;
    }

    public String getPainPoints() {
        return painPoints;
    }

    @Override
    public UUID getOwnerId() {
        return ownerId;
    }

    @Override
    public UUID getDepartmentId() {
        return departmentId;
    }

    public boolean isArchived() {
        return archived;
    }

    public String getArchiveReason() {
        return archiveReason;
    }

    public Instant getLastInteractionAt() {
        return lastInteractionAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
