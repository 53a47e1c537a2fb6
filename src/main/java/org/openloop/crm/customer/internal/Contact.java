package org.openloop.crm.customer.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.openloop.crm.audit.Audited;
import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.OwnedRecord;
import org.openloop.crm.shared.Sensitive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A contact person of a customer (B2); owned by whoever owns the customer. */
@Entity
@Table(name = "contact")
@Audited("contact")
public class Contact implements OwnedRecord {

    @Id
    private UUID id;
    @Column(name = "customer_id")
    private UUID customerId;
    private String name;
    private String title;
    @Sensitive(MaskStyle.PHONE)
    private String mobile;
    @Sensitive(MaskStyle.PHONE)
    @Column(name = "office_phone")
    private String officePhone;
    @Sensitive(MaskStyle.EMAIL)
    private String email;
    private LocalDate birthday;
    @Column(name = "key_decision_maker")
    private boolean keyDecisionMaker;
    @Column(name = "primary_contact")
    private boolean primaryContact;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "department_id")
    private UUID departmentId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    // a wrapper, so that Spring Data sees a new record by its null version and persists it instead of merging,
    // which would first look the assigned id up in the database
    @Version
    private Long version;

    protected Contact() {
    }

    public Contact(Customer customer, Instant now) {
        this.id = UUID.randomUUID();
        this.customerId = customer.getId();
        this.ownerId = customer.getOwnerId();
        this.departmentId = customer.getDepartmentId();
        this.createdAt = now;
        this.updatedAt = now;
    }

    public record Details(String name, String title, String mobile, String officePhone, String email,
            LocalDate birthday, boolean keyDecisionMaker, boolean primaryContact) {
    }

    public void update(Details details, Instant now) {
        this.name = details.name();
        this.title = details.title();
        this.mobile = details.mobile();
        this.officePhone = details.officePhone();
        this.email = details.email() == null ? null : details.email().toLowerCase(java.util.Locale.ROOT);
        this.birthday = details.birthday();
        this.keyDecisionMaker = details.keyDecisionMaker();
        this.primaryContact = details.primaryContact();
        this.updatedAt = now;
    }

    public void notPrimary(Instant now) {
        if (primaryContact) {
            primaryContact = false;
            updatedAt = now;
        }
    }

    /** Follows its customer when the customer changes hands. */
    /** Moves the contact to another customer (a merge, B6), taking that customer's owner and department. */
    public void moveTo(Customer customer, Instant now) {
        this.customerId = customer.getId();
        followOwner(customer, now);
    }

    public void followOwner(Customer customer, Instant now) {
        this.ownerId = customer.getOwnerId();
        this.departmentId = customer.getDepartmentId();
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public String getName() {
        return name;
    }

    public String getTitle() {
        return title;
    }

    public String getMobile() {
        return mobile;
    }

    public String getOfficePhone() {
        return officePhone;
    }

    public String getEmail() {
        return email;
    }

    public LocalDate getBirthday() {
        return birthday;
    }

    public boolean isKeyDecisionMaker() {
        return keyDecisionMaker;
    }

    public boolean isPrimaryContact() {
        return primaryContact;
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
        return version == null ? 0 : version;
    }
}
