package org.openloop.crm.activity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.DynamicUpdate;
import org.openloop.crm.activity.TaskKind;
import org.openloop.crm.activity.TaskPriority;
import org.openloop.crm.activity.TaskStatus;
import org.openloop.crm.audit.Audited;
import org.openloop.crm.shared.OwnedRecord;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A task or activity (D1). {@code remindedAt} and {@code overdueAlarmedAt} are set by the reminder job with
 * conditional updates; {@code @DynamicUpdate} keeps a form save from writing back a stale value of them.
 */
@Entity
@Table(name = "task")
@DynamicUpdate
@Audited(value = "task", ignore = {"remindedAt", "overdueAlarmedAt", "remindAt"})
public class Task implements OwnedRecord {

    @Id
    private UUID id;
    private String subject;
    @Enumerated(EnumType.STRING)
    private TaskKind kind;
    @Enumerated(EnumType.STRING)
    private TaskPriority priority;
    @Enumerated(EnumType.STRING)
    private TaskStatus status;
    @Column(name = "start_at")
    private Instant startAt;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "remind_minutes")
    private Integer remindMinutes;
    @Column(name = "remind_at")
    private Instant remindAt;
    @Column(name = "reminded_at")
    private Instant remindedAt;
    @Column(name = "overdue_alarmed_at")
    private Instant overdueAlarmedAt;
    @Column(name = "customer_id")
    private UUID customerId;
    @Column(name = "opportunity_id")
    private UUID opportunityId;
    @Column(name = "ticket_id")
    private UUID ticketId;
    @Column(name = "interaction_id")
    private UUID interactionId;
    private String description;
    private String outcome;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "department_id")
    private UUID departmentId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Task() {
    }

    /** Follows a customer merge, or its undo (B6). */
    public void moveToCustomer(UUID customerId, Instant now) {
        this.customerId = customerId;
        this.updatedAt = now;
    }

    public Task(UUID createdBy, UUID ownerId, UUID departmentId, UUID interactionId, Instant now) {
        this.id = UUID.randomUUID();
        this.createdBy = createdBy;
        this.ownerId = ownerId;
        this.departmentId = departmentId;
        this.interactionId = interactionId;
        this.status = TaskStatus.NOT_STARTED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public record Details(String subject, TaskKind kind, TaskPriority priority, TaskStatus status, Instant startAt,
            Instant dueAt, Integer remindMinutes, Instant remindAt, UUID customerId, UUID opportunityId,
            UUID ticketId, String description, String outcome) {
    }

    public void update(Details d, Instant now) {
        Instant nextRemindAt = d.remindMinutes() != null ? d.dueAt().minus(Duration.ofMinutes(d.remindMinutes()))
                : d.remindAt();
        boolean timingChanged = !d.dueAt().equals(dueAt) || !java.util.Objects.equals(nextRemindAt, remindAt);
        this.subject = d.subject();
        this.kind = d.kind();
        this.priority = d.priority();
        this.startAt = d.startAt();
        this.dueAt = d.dueAt();
        this.remindMinutes = d.remindMinutes();
        this.remindAt = nextRemindAt;
        this.customerId = d.customerId();
        this.opportunityId = d.opportunityId();
        this.ticketId = d.ticketId();
        this.description = d.description();
        this.outcome = d.outcome();
        changeStatus(d.status(), now);
        if (timingChanged) {
            // a new due or reminder time earns a new reminder and, if missed again, a new alarm
            this.remindedAt = null;
            this.overdueAlarmedAt = null;
        }
        this.updatedAt = now;
    }

    /** Moves the task to another time (calendar), keeping its length and its reminder distance. */
    public void reschedule(Instant newStart, Instant newDue, Instant now) {
        Details d = new Details(subject, kind, priority, status, newStart, newDue, remindMinutes,
                remindMinutes == null && remindAt != null ? remindAt.plus(Duration.between(dueAt, newDue)) : null,
                customerId, opportunityId, ticketId, description, outcome);
        update(d, now);
    }

    public void assignTo(UUID ownerId, UUID departmentId, Instant now) {
        this.ownerId = ownerId;
        this.departmentId = departmentId;
        this.updatedAt = now;
    }

    private void changeStatus(TaskStatus next, Instant now) {
        if (next == TaskStatus.DONE && status != TaskStatus.DONE) {
            completedAt = now;
        } else if (next != TaskStatus.DONE) {
            completedAt = null;
        }
        this.status = next;
    }

    public UUID getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public TaskKind getKind() {
        return kind;
    }

    public TaskPriority getPriority() {
        return priority;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public Instant getStartAt() {
        return startAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Integer getRemindMinutes() {
        return remindMinutes;
    }

    public Instant getRemindAt() {
        return remindAt;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public UUID getOpportunityId() {
        return opportunityId;
    }

    public UUID getTicketId() {
        return ticketId;
    }

    public UUID getInteractionId() {
        return interactionId;
    }

    public String getDescription() {
        return description;
    }

    public String getOutcome() {
        return outcome;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public UUID getCreatedBy() {
        return createdBy;
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
