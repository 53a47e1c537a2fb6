package org.openloop.crm.platform.listview;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One saved view: the list's query parameters, stored as an encoded query string. */
@Entity
@Table(name = "saved_list_view")
public class SavedListViewEntry {

    @Id
    private UUID id;
    @Column(name = "user_id", nullable = false)
    private UUID userId;
    @Column(name = "list_key", nullable = false)
    private String listKey;
    private String name;
    private String filters;
    @Column(name = "created_at")
    private Instant createdAt;

    protected SavedListViewEntry() {
    }

    public SavedListViewEntry(UUID userId, String listKey, String name, String filters, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.listKey = listKey;
        this.name = name;
        this.filters = filters;
        this.createdAt = createdAt;
    }

    public void replaceFilters(String filters) {
        this.filters = filters;
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getListKey() {
        return listKey;
    }

    public String getName() {
        return name;
    }

    public String getFilters() {
        return filters;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
