package org.openloop.crm.sales.internal;

import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.audit.Audited;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A stage of a pipeline with its default win probability (F3). A stage in use is deactivated, never deleted. */
@Entity
@Table(name = "sales_stage")
@Audited("salesStage")
public class Stage {

    @Id
    private UUID id;
    @Column(name = "pipeline_id")
    private UUID pipelineId;
    private String name;
    private int probability;
    private int position;
    private boolean active;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Stage() {
    }

    public Stage(UUID pipelineId, String name, int probability, int position, Instant now) {
        this.id = UUID.randomUUID();
        this.pipelineId = pipelineId;
        this.name = name;
        this.probability = probability;
        this.position = position;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void update(String name, int probability, int position, boolean active, Instant now) {
        this.name = name;
        this.probability = probability;
        this.position = position;
        this.active = active;
        this.updatedAt = now;
    }

    public UUID getId() { return id; }
    public UUID getPipelineId() { return pipelineId; }
    public String getName() { return name; }
    public int getProbability() { return probability; }
    public int getPosition() { return position; }
    public boolean isActive() { return active; }
    public long getVersion() { return version; }
}
