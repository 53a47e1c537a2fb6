package org.openloop.crm.messaging.internal;

import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.audit.Audited;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An e-mail template an administrator keeps (C3): a name, a subject and a plain-text body with variables. */
@Entity
@Table(name = "email_template")
@Audited("emailTemplate")
public class EmailTemplate {

    @Id
    private UUID id;
    private String name;
    private String subject;
    private String body;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected EmailTemplate() {
    }

    public EmailTemplate(Instant now) {
        this.id = UUID.randomUUID();
        this.createdAt = now;
    }

    public void update(String name, String subject, String body, Instant now) {
        this.name = name;
        this.subject = subject;
        this.body = body;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
