package org.openloop.crm.attachment.internal;

import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.audit.Audited;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The metadata of one attached file. Immutable once stored: a new version of a file is a new attachment. The owning
 * record is referenced by type and id only; access follows that record.
 */
@Entity
@Table(name = "attachment")
@Audited(value = "attachment", ignore = "storageKey")
public class Attachment {

    @Id
    private UUID id;
    @Column(name = "record_type")
    private String recordType;
    @Column(name = "record_id")
    private UUID recordId;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private long size;
    private String sha256;
    @Column(name = "storage_key")
    private String storageKey;
    @Column(name = "uploaded_by")
    private UUID uploadedBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Attachment() {
    }

    public Attachment(UUID id, String recordType, UUID recordId, String fileName, String contentType, long size,
            String sha256, String storageKey, UUID uploadedBy, Instant createdAt) {
        this.id = id;
        this.recordType = recordType;
        this.recordId = recordId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.uploadedBy = uploadedBy;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getRecordType() {
        return recordType;
    }

    public UUID getRecordId() {
        return recordId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public String getStorageKey() {
        return storageKey;
    }

    public UUID getUploadedBy() {
        return uploadedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
