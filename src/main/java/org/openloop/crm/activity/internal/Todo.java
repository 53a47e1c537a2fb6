package org.openloop.crm.activity.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A to-do of an interaction; {@code taskId} once it became a task. */
@Embeddable
public class Todo {

    private String content;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "task_id")
    private UUID taskId;

    protected Todo() {
    }

    public Todo(String content, UUID ownerId, Instant dueAt) {
        this.content = content;
        this.ownerId = ownerId;
        this.dueAt = dueAt;
    }

    public void linkTask(UUID taskId) {
        this.taskId = taskId;
    }

    public String getContent() {
        return content;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public UUID getTaskId() {
        return taskId;
    }
}
