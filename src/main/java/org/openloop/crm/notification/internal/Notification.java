package org.openloop.crm.notification.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One notification for one user; its text is a message key with arguments, rendered in the reader's language. */
@Entity
@Table(name = "notification")
public class Notification {

    /** Separates stored arguments; a control character no argument contains. */
    public static final String SEPARATOR = "\u001f";

    @Id
    private UUID id;
    @Column(name = "user_id", nullable = false)
    private UUID userId;
    private String type;
    @Column(name = "message_key")
    private String messageKey;
    private String arguments;
    private String link;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    public Notification(UUID userId, String type, String messageKey, String arguments, String link,
            Instant createdAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.type = type;
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.link = link;
        this.createdAt = createdAt;
    }

    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getType() {
        return type;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public String getArguments() {
        return arguments;
    }

    public String getLink() {
        return link;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
