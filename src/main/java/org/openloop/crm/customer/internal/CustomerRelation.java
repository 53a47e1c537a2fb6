package org.openloop.crm.customer.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@code fromId} is the parent or master side of the relation, {@code toId} the subsidiary or distributor (B4). */
@Entity
@Table(name = "customer_relation")
public class CustomerRelation {

    @Id
    private UUID id;
    @Column(name = "type_id")
    private UUID typeId;
    @Column(name = "from_id")
    private UUID fromId;
    @Column(name = "to_id")
    private UUID toId;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CustomerRelation() {
    }

    public CustomerRelation(UUID typeId, UUID fromId, UUID toId, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.typeId = typeId;
        this.fromId = fromId;
        this.toId = toId;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Points the relation at a surviving customer after a merge (B6). */
    public void replace(UUID merged, UUID survivor) {
        if (merged.equals(fromId)) {
            fromId = survivor;
        }
        if (merged.equals(toId)) {
            toId = survivor;
        }
    }

    public UUID getId() {
        return id;
    }

    public UUID getTypeId() {
        return typeId;
    }

    public UUID getFromId() {
        return fromId;
    }

    public UUID getToId() {
        return toId;
    }
}
