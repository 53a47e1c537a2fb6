package org.openloop.crm.messaging.internal;

import java.time.Instant;
import java.util.UUID;

import org.openloop.crm.messaging.EmailDirection;
import org.openloop.crm.messaging.EmailStatus;
import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.OwnedRecord;
import org.openloop.crm.shared.Sensitive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A mail sent from the CRM or read from the inbound mailbox (C3). Its owner and department are fixed when it is
 * logged — the sender for sent mail, the customer's owner for received mail, nobody for mail waiting for review —
 * and decide who may see it (A3).
 */
@Entity
@Table(name = "email_message")
public class EmailMessage implements OwnedRecord {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private EmailDirection direction;
    @Enumerated(EnumType.STRING)
    private EmailStatus status;
    @Column(name = "message_id")
    private String messageId;
    @Sensitive(MaskStyle.EMAIL)
    @Column(name = "from_address")
    private String fromAddress;
    @Sensitive(MaskStyle.EMAIL)
    @Column(name = "to_address")
    private String toAddress;
    private String subject;
    private String body;
    @Column(name = "failure_reason")
    private String failureReason;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "sender_id")
    private UUID senderId;
    @Column(name = "customer_id")
    private UUID customerId;
    @Column(name = "contact_id")
    private UUID contactId;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "department_id")
    private UUID departmentId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected EmailMessage() {
    }

    private EmailMessage(EmailDirection direction, EmailStatus status, String messageId, String from, String to,
            String subject, String body, Instant at) {
        this.id = UUID.randomUUID();
        this.direction = direction;
        this.status = status;
        this.messageId = messageId;
        this.fromAddress = from;
        this.toAddress = to;
        this.subject = subject;
        this.body = body;
        this.occurredAt = at;
        this.createdAt = at;
    }

    /** A mail about to be handed to the mail server; {@link #sent} or {@link #failed} decides its status. */
    public static EmailMessage outgoing(String messageId, String from, String to, String subject, String body,
            UUID senderId, UUID senderDepartmentId, UUID customerId, UUID contactId, Instant at) {
        EmailMessage mail = new EmailMessage(EmailDirection.OUT, EmailStatus.FAILED, messageId, from, to, subject,
                body, at);
        mail.senderId = senderId;
        mail.ownerId = senderId;
        mail.departmentId = senderDepartmentId;
        mail.customerId = customerId;
        mail.contactId = contactId;
        return mail;
    }

    /** A received mail, waiting for review until {@link #logOn} finds its customer. */
    public static EmailMessage incoming(String messageId, String from, String to, String subject, String body,
            Instant at) {
        return new EmailMessage(EmailDirection.IN, EmailStatus.REVIEW, messageId, from, to, subject, body, at);
    }

    public void sent(String messageId) {
        this.status = EmailStatus.SENT;
        this.messageId = messageId;
        this.failureReason = null;
    }

    public void failed(String reason) {
        this.status = EmailStatus.FAILED;
        this.failureReason = reason == null ? "" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }

    /** Logs a received mail on a customer; it becomes the customer owner's and department's to see. */
    public void logOn(UUID customerId, UUID contactId, UUID ownerId, UUID departmentId) {
        this.status = EmailStatus.LOGGED;
        this.customerId = customerId;
        this.contactId = contactId;
        this.ownerId = ownerId;
        this.departmentId = departmentId;
    }

    public void discard() {
        this.status = EmailStatus.DISCARDED;
    }

    public UUID getId() {
        return id;
    }

    public EmailDirection getDirection() {
        return direction;
    }

    public EmailStatus getStatus() {
        return status;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getFromAddress() {
        return fromAddress;
    }

    public String getToAddress() {
        return toAddress;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public UUID getSenderId() {
        return senderId;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public UUID getContactId() {
        return contactId;
    }

    @Override
    public UUID getOwnerId() {
        return ownerId;
    }

    @Override
    public UUID getDepartmentId() {
        return departmentId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
