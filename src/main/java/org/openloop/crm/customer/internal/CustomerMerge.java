package org.openloop.crm.customer.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** What a merge changed (B6), so that it can be undone: the survivor's details before, moved contacts, added tags. */
@Entity
@Table(name = "customer_merge")
public class CustomerMerge {

    @Id
    private UUID id;
    @Column(name = "survivor_id")
    private UUID survivorId;
    @Column(name = "merged_id")
    private UUID mergedId;
    @Column(name = "survivor_before")
    private String survivorBefore;
    @Column(name = "moved_contact_ids")
    private String movedContactIds;
    @Column(name = "added_tag_ids")
    private String addedTagIds;
    @Column(name = "merged_by")
    private UUID mergedBy;
    @Column(name = "merged_at")
    private Instant mergedAt;
    @Column(name = "undone_by")
    private UUID undoneBy;
    @Column(name = "undone_at")
    private Instant undoneAt;
    @Version
    private long version;

    protected CustomerMerge() {
    }

    public CustomerMerge(UUID survivorId, UUID mergedId, String survivorBefore, String movedContactIds,
            String addedTagIds, UUID mergedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.survivorId = survivorId;
        this.mergedId = mergedId;
        this.survivorBefore = survivorBefore;
        this.movedContactIds = movedContactIds;
        this.addedTagIds = addedTagIds;
        this.mergedBy = mergedBy;
        this.mergedAt = now;
    }

    public void undo(UUID by, Instant now) {
        this.undoneBy = by;
        this.undoneAt = now;
    }

    public UUID getId() {
        return id;
    }

    public UUID getSurvivorId() {
        return survivorId;
    }

    public UUID getMergedId() {
        return mergedId;
    }

    public String getSurvivorBefore() {
        return survivorBefore;
    }

    public String getMovedContactIds() {
        return movedContactIds;
    }

    public String getAddedTagIds() {
        return addedTagIds;
    }

    public UUID getMergedBy() {
        return mergedBy;
    }

    public Instant getMergedAt() {
        return mergedAt;
    }

    public Instant getUndoneAt() {
        return undoneAt;
    }
}
