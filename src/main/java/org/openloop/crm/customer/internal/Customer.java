package org.openloop.crm.customer.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.audit.Audited;
import org.openloop.crm.customer.CompanyNames;
import org.openloop.crm.customer.CompanySize;
import org.openloop.crm.customer.CustomerLevel;
import org.openloop.crm.customer.CustomerSource;
import org.openloop.crm.customer.CustomerType;
import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.OwnedRecord;
import org.openloop.crm.shared.Sensitive;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer (B1). The owner and department change only through {@link #transferTo}. */
@Entity
@Table(name = "customer")
@Audited(value = "customer", ignore = {"ownedSince", "poolWarnedAt", "tagIds", "nameKey", "lastInteractionAt"})
public class Customer implements OwnedRecord {

    @Id
    private UUID id;
    private String number;
    private String name;
    @Column(name = "name_key")
    private String nameKey;
    @Column(name = "merged_into")
    private UUID mergedInto;
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
    @Column(name = "owned_since")
    private Instant ownedSince;
    @Column(name = "pooled_at")
    private Instant pooledAt;
    @Column(name = "pool_reason")
    private String poolReason;
    @Column(name = "pool_warned_at")
    private Instant poolWarnedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    // a wrapper, so that Spring Data sees a new record by its null version and persists it instead of merging,
    // which would first look the assigned id up in the database
    @Version
    private Long version;
    /** Tags (B3), changed through {@link #tag}; their audit entry is written by the facade. */
    @ElementCollection
    @CollectionTable(name = "customer_tag", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "tag_id")
    private Set<UUID> tagIds = new HashSet<>();

    protected Customer() {
    }

    public Customer(String number, UUID ownerId, UUID departmentId, Instant now) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.ownerId = ownerId;
        this.departmentId = departmentId;
        this.type = CustomerType.TARGET;
        this.level = CustomerLevel.NORMAL;
        this.ownedSince = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public record Details(String name, String industry, CompanySize size, CustomerType type, CustomerLevel level,
            CustomerSource source, String address, String phone, String email, String website, String background,
            String painPoints) {
    }

    public void update(Details details, Instant now) {
        this.name = details.name();
        this.nameKey = CompanyNames.key(details.name());
        this.industry = details.industry();
        this.size = details.size();
        this.type = details.type();
        this.level = details.level();
        this.source = details.source();
        this.address = details.address();
        this.phone = details.phone();
        this.email = details.email() == null ? null : details.email().toLowerCase(java.util.Locale.ROOT);
        this.website = details.website();
        this.background = details.background();
        this.painPoints = details.painPoints();
        this.updatedAt = now;
    }

    /** An interaction (C1) happened at {@code at}: the latest one counts for activity and the pool clock. */
    public void interactedAt(Instant at) {
        if (at != null && (lastInteractionAt == null || at.isAfter(lastInteractionAt))) {
            this.lastInteractionAt = at;
        }
    }

    /** A new owner (transfer, assignment from the pool, or a claim): the follow-up clock starts again. */
    public void transferTo(UUID ownerId, UUID departmentId, Instant now) {
        this.ownerId = ownerId;
        this.departmentId = departmentId;
        this.ownedSince = now;
        this.pooledAt = null;
        this.poolReason = null;
        this.poolWarnedAt = null;
        this.updatedAt = now;
    }

    /** Back to the pool (退回): no owner, no department, with the reason (B5). */
    public void returnToPool(String reason, Instant now) {
        this.ownerId = null;
        this.departmentId = null;
        this.ownedSince = null;
        this.pooledAt = now;
        this.poolReason = reason;
        this.poolWarnedAt = null;
        this.updatedAt = now;
    }

    public void markPoolWarning(Instant now) {
        this.poolWarnedAt = now;
    }

    /** The details as they are, to restore them when a merge is undone (B6). */
    public Details details() {
        return new Details(name, industry, size, type, level, source, address, phone, email, website, background,
                painPoints);
    }

    /** Merged into another customer (B6): archived, with a pointer to the survivor. */
    public void mergeInto(UUID survivor, String reason, Instant now) {
        this.mergedInto = survivor;
        archive(reason, now);
    }

    /** Undoes {@link #mergeInto}. */
    public void unmerge(Instant now) {
        this.mergedInto = null;
        reactivate(now);
    }

    public UUID getMergedInto() {
        return mergedInto;
    }

    public void fillNameKey() {
        this.nameKey = CompanyNames.key(name);
    }

    public Set<UUID> getTagIds() {
        return Collections.unmodifiableSet(tagIds);
    }

    /** Replaces the customer's tags; answers whether anything changed. */
    public boolean tag(Set<UUID> tags) {
        if (tagIds.equals(tags)) {
            return false;
        }
        tagIds.clear();
        tagIds.addAll(tags);
        return true;
    }

    public boolean isPooled() {
        return ownerId == null;
    }

    /** When the follow-up clock started: the last interaction or the day the current owner got the customer. */
    public Instant followUpSince() {
        if (lastInteractionAt != null && (ownedSince == null || lastInteractionAt.isAfter(ownedSince))) {
            return lastInteractionAt;
        }
        return ownedSince != null ? ownedSince : createdAt;
    }

    public Instant getPooledAt() {
        return pooledAt;
    }

    public String getPoolReason() {
        return poolReason;
    }

    public Instant getPoolWarnedAt() {
        return poolWarnedAt;
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

    /** The name as duplicates are compared ({@code CompanyNames.key}). */
    public String getNameKey() {
        return nameKey;
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
        return version == null ? 0 : version;
    }
}
