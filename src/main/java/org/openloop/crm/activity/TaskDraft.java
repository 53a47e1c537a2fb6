package org.openloop.crm.activity;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a user may set on a task (D1). The owner is the creator unless {@code assigneeId} names someone else, which
 * needs the assign right and passes the assignment check (A5). The reminder is either {@code remindMinutesBefore}
 * the due time or the absolute {@code remindAt}.
 */
public record TaskDraft(
        @NotBlank @Size(max = 200) String subject,
        TaskKind kind,
        TaskPriority priority,
        TaskStatus status,
        Instant startAt,
        @NotNull Instant dueAt,
        @Min(0) @Max(43200) Integer remindMinutesBefore,
        Instant remindAt,
        UUID customerId,
        UUID opportunityId,
        UUID ticketId,
        UUID assigneeId,
        @Size(max = 4000) String description,
        @Size(max = 4000) String outcome,
        Long version) {

    public TaskDraft {
        subject = subject == null || subject.isBlank() ? null : subject.trim();
        description = description == null || description.isBlank() ? null : description.trim();
        outcome = outcome == null || outcome.isBlank() ? null : outcome.trim();
        kind = kind == null ? (customerId != null || opportunityId != null ? TaskKind.CUSTOMER : TaskKind.OWN) : kind;
        priority = priority == null ? TaskPriority.MEDIUM : priority;
        status = status == null ? TaskStatus.NOT_STARTED : status;
    }
}
