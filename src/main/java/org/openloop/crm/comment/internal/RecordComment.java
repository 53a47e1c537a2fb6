package org.openloop.crm.comment.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One comment on a record of any type (E8). */
@Entity
@Table(name = "record_comment")
public class RecordComment {

    @Id
    private UUID id;
    @Column(name = "record_type")
    private String recordType;
    @Column(name = "record_id")
    private UUID recordId;
    @Column(name = "author_id")
    private UUID authorId;
    private String text;
    @Column(name = "created_at")
    private Instant createdAt;

    protected RecordComment() {
    }

    public RecordComment(String recordType, UUID recordId, UUID authorId, String text, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.recordType = recordType;
        this.recordId = recordId;
        this.authorId = authorId;
        this.text = text;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public String getRecordType() { return recordType; }
    public UUID getRecordId() { return recordId; }
    public UUID getAuthorId() { return authorId; }
    public String getText() { return text; }
    public Instant getCreatedAt() { return createdAt; }
}
