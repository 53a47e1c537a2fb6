package org.openloop.crm.sales.internal;

import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.audit.Audited;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A reason an opportunity may be lost for (F2), kept by administrators; one in use is deactivated, not deleted. */
@Entity
@Table(name = "sales_loss_reason")
@Audited("lossReason")
public class LossReason {

    @Id
    private UUID id;
    private String name;
    private boolean active;
    private int position;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected LossReason() {
    }

    public LossReason(String name, int position, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.position = position;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void update(String name, boolean active, int position, Instant now) {
        this.name = name;
        this.active = active;
        this.position = position;
        this.updatedAt = now;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public boolean isActive() { return active; }
    public int getPosition() { return position; }
    public long getVersion() { return version; }
}
