package org.openloop.crm.sales.internal;

import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.audit.Audited;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A sales pipeline (F3); exactly one is the default for new opportunities. */
@Entity
@Table(name = "sales_pipeline")
@Audited("salesPipeline")
public class Pipeline {

    @Id
    private UUID id;
    private String name;
    @Column(name = "is_default")
    private boolean defaultPipeline;
    private boolean active;
    private int position;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Pipeline() {
    }

    public Pipeline(String name, int position, Instant now) {
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

    public void makeDefault(boolean value, Instant now) {
        this.defaultPipeline = value;
        this.updatedAt = now;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public boolean isDefaultPipeline() { return defaultPipeline; }
    public boolean isActive() { return active; }
    public int getPosition() { return position; }
    public long getVersion() { return version; }
}
