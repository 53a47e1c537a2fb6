package org.openloop.crm.organization.internal;

import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.audit.Audited;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A department (部门) in the tree, with its coordinator (部门协调人). */
@Entity
@EntityListeners(OrganizationCacheEviction.class)
@Table(name = "department")
@Audited("department")
public class Department {

    @Id
    private UUID id;
    private String name;
    @Column(name = "parent_id")
    private UUID parentId;
    @Column(name = "coordinator_id")
    private UUID coordinatorId;
    @Column(name = "sort_order")
    private int sortOrder;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Department() {
    }

    public Department(String name, UUID parentId, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.parentId = parentId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void update(String name, UUID parentId, UUID coordinatorId, int sortOrder, Instant now) {
        this.name = name;
        this.parentId = parentId;
        this.coordinatorId = coordinatorId;
        this.sortOrder = sortOrder;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public UUID getParentId() {
        return parentId;
    }

    public UUID getCoordinatorId() {
        return coordinatorId;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
