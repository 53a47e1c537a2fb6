package org.openloop.crm.activity.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.openloop.crm.activity.TaskDraft;
import org.openloop.crm.activity.TaskKind;
import org.openloop.crm.activity.TaskPriority;
import org.openloop.crm.activity.TaskStatus;
import org.openloop.crm.activity.TaskView;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The task form: local date-times in the user's zone. */
public class TaskForm {

    @NotBlank
    @Size(max = 200)
    private String subject;
    private TaskKind kind = TaskKind.OWN;
    private TaskPriority priority = TaskPriority.MEDIUM;
    private TaskStatus status = TaskStatus.NOT_STARTED;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime startAt;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime dueAt;
    @Min(0)
    @Max(43200)
    private Integer remindMinutesBefore = 30;
    private UUID customerId;
    private UUID opportunityId;
    private UUID assigneeId;
    @Size(max = 4000)
    private String description;
    @Size(max = 4000)
    private String outcome;
    private Long version;

    static TaskForm blank(UUID customerId, UUID opportunityId, ZoneId zone) {
        TaskForm form = new TaskForm();
        form.customerId = customerId;
        form.opportunityId = opportunityId;
        form.kind = customerId == null ? TaskKind.OWN : TaskKind.CUSTOMER;
        form.dueAt = LocalDateTime.now(zone).plusDays(1).withHour(18).withMinute(0).withSecond(0).withNano(0);
        return form;
    }

    static TaskForm of(TaskView t, ZoneId zone) {
        TaskForm form = new TaskForm();
        form.subject = t.subject();
        form.kind = t.kind();
        form.priority = t.priority();
        form.status = t.status();
        form.startAt = t.startAt() == null ? null : LocalDateTime.ofInstant(t.startAt(), zone);
        form.dueAt = LocalDateTime.ofInstant(t.dueAt(), zone);
        form.remindMinutesBefore = t.remindMinutesBefore();
        form.customerId = t.customerId();
        form.opportunityId = t.opportunityId();
        form.assigneeId = t.ownerId();
        form.description = t.description();
        form.outcome = t.outcome();
        form.version = t.version();
        return form;
    }

    TaskDraft toDraft(ZoneId zone, TaskView existing) {
        return new TaskDraft(subject, kind, priority, status, startAt == null ? null : startAt.atZone(zone).toInstant(),
                dueAt.atZone(zone).toInstant(), remindMinutesBefore,
                existing != null && remindMinutesBefore == null ? existing.remindAt() : null, customerId,
                opportunityId, existing == null ? null : existing.ticketId(),
                assigneeId, description, outcome, version);
    }

    public UUID getOpportunityId() {
        return opportunityId;
    }

    public void setOpportunityId(UUID opportunityId) {
        this.opportunityId = opportunityId;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public TaskKind getKind() {
        return kind;
    }

    public void setKind(TaskKind kind) {
        this.kind = kind;
    }

    public TaskPriority getPriority() {
        return priority;
    }

    public void setPriority(TaskPriority priority) {
        this.priority = priority;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public void setStatus(TaskStatus status) {
        this.status = status;
    }

    public LocalDateTime getStartAt() {
        return startAt;
    }

    public void setStartAt(LocalDateTime startAt) {
        this.startAt = startAt;
    }

    public LocalDateTime getDueAt() {
        return dueAt;
    }

    public void setDueAt(LocalDateTime dueAt) {
        this.dueAt = dueAt;
    }

    public Integer getRemindMinutesBefore() {
        return remindMinutesBefore;
    }

    public void setRemindMinutesBefore(Integer remindMinutesBefore) {
        this.remindMinutesBefore = remindMinutesBefore;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public void setCustomerId(UUID customerId) {
        this.customerId = customerId;
    }

    public UUID getAssigneeId() {
        return assigneeId;
    }

    public void setAssigneeId(UUID assigneeId) {
        this.assigneeId = assigneeId;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
