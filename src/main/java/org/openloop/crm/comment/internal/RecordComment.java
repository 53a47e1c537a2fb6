package org.openloop.crm.comment.internal;

import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.audit.Audited;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One comment on a record of any type (E8); its creation, text changes and deletion are in the audit trail. */
@Entity
@Table(name = "record_comment")
@Audited(value = "comment", ignore = "editedAt")
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
    @Column(name = "edited_at")
    private Instant editedAt;
    @Version
    private long version;

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

    /** Replaces the text; an unchanged text is no edit and leaves the comment as it was. */
    public boolean edit(String newText, Instant at) {
        if (newText.equals(text)) {
            return false;
        }
        this.text = newText;
        this.editedAt = at;
        return true;
    }

    public UUID getId() { return id; }
    public String getRecordType() { return recordType; }
    public UUID getRecordId() { return recordId; }
    public UUID getAuthorId() { return authorId; }
    public String getText() { return text; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getEditedAt() { return editedAt; }
    public long getVersion() { return version; }
}
