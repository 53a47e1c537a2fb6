package org.openloop.crm.collaboration.internal;

import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.collaboration.LogKind;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a task's log (E4). Entries are never changed. */
@Entity
@Table(name = "collaboration_log")
public class CollaborationLogEntry {

    @Id
    private UUID id;
    @Column(name = "task_id")
    private UUID taskId;
    @Enumerated(EnumType.STRING)
    private LogKind kind;
    private String text;
    @Column(name = "author_id")
    private UUID authorId;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CollaborationLogEntry() {
    }

    public CollaborationLogEntry(UUID taskId, LogKind kind, String text, UUID authorId, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.taskId = taskId;
        this.kind = kind;
        this.text = text;
        this.authorId = authorId;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public UUID getTaskId() { return taskId; }
    public LogKind getKind() { return kind; }
    public String getText() { return text; }
    public UUID getAuthorId() { return authorId; }
    public Instant getCreatedAt() { return createdAt; }
}
