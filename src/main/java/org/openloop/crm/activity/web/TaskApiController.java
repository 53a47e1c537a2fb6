package org.openloop.crm.activity.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.activity.TaskDraft;
import org.openloop.crm.activity.MyTasks;
import org.openloop.crm.activity.TaskManagement;
import org.openloop.crm.activity.TaskView;
import org.openloop.crm.platform.ApiVersions;
import org.openloop.crm.platform.IdempotentCreates;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Tasks and activities over REST (D1-D3, D5). */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks")
class TaskApiController {

    private final TaskManagement tasks;
    private final IdempotentCreates idempotent;

    private final java.time.ZoneId zone;

    TaskApiController(TaskManagement tasks, IdempotentCreates idempotent,
            @org.springframework.beans.factory.annotation.Value("${crm.time-zone:Asia/Shanghai}") java.time.ZoneId zone) {
        this.zone = zone;
        this.tasks = tasks;
        this.idempotent = idempotent;
    }

    record AssignRequest(UUID assigneeId) {
    }

    record RescheduleRequest(Instant dueAt, Long version) {
    }

    @GetMapping
    @Operation(summary = "List tasks", description = "Keyset paging (cursor, size ≤ 100); sort by dueAt (default), "
            + "startAt, createdAt, priority; filters status, kind, priority, ownerId, departmentId, customerId, "
            + "interactionId; q searches the subject.")
    CursorPage<TaskView> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return tasks.tasks(ListRequest.from(parameters));
    }

    @GetMapping("/export")
    @Operation(summary = "Export the filtered task list as csv or xlsx", description = "Same filters, sort and data "
            + "scope as the list; needs activity:export; formulas are neutralised and the export audited.")
    void export(@RequestParam(defaultValue = "xlsx") String format,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        tasks.export(ListRequest.from(parameters), org.openloop.crm.platform.Exports.Format.of(format),
                ActivityExports.TASK_HEADERS, t -> ActivityExports.taskRow(t, ActivityExports::code), zone, response);
    }

    @GetMapping("/mine")
    @Operation(summary = "The caller's open tasks: overdue, due today, upcoming (next two weeks)")
    MyTasks mine() {
        return tasks.mine();
    }

    @GetMapping("/calendar")
    @Operation(summary = "Tasks of a user (default: the caller) due from `from` up to `to`; another user only within scope")
    List<TaskView> calendar(@RequestParam(required = false) UUID userId, @RequestParam Instant from,
            @RequestParam Instant to) {
        if (!from.isBefore(to) || java.time.Duration.between(from, to).toDays() > 62) {
            throw BusinessRuleException.onField("to", "calendar.range.invalid");
        }
        return tasks.calendar(userId, from, to);
    }

    @GetMapping("/{id}")
    ResponseEntity<TaskView> get(@PathVariable UUID id) {
        TaskView view = tasks.task(id);
        return ApiVersions.ok(view, view.version());
    }

    @PostMapping
    @Operation(summary = "Create a task, owned by the caller or assigned (assign right, A5 check)",
            description = "Honours Idempotency-Key.")
    ResponseEntity<?> create(@Valid @RequestBody TaskDraft draft,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "/api/v1/tasks", () -> {
            TaskView created = tasks.create(draft);
            return ResponseEntity.created(URI.create("/api/v1/tasks/" + created.id()))
                    .eTag("\"" + created.version() + "\"").body(created);
        });
    }

    @PutMapping("/{id}")
    ResponseEntity<TaskView> update(@PathVariable UUID id, @Valid @RequestBody TaskDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        TaskDraft versioned = new TaskDraft(draft.subject(), draft.kind(), draft.priority(), draft.status(),
                draft.startAt(), draft.dueAt(), draft.remindMinutesBefore(), draft.remindAt(), draft.customerId(),
                draft.opportunityId(), draft.ticketId(), draft.assigneeId(), draft.description(), draft.outcome(),
                expected.version());
        TaskView updated = tasks.update(id, versioned, expected.fromIfMatch());
        return ApiVersions.ok(updated, updated.version());
    }

    @PostMapping("/{id}/assign")
    @Operation(summary = "Assign the task to another user (assign right; checked: A5)")
    TaskView assign(@PathVariable UUID id, @RequestBody AssignRequest request) {
        return tasks.assign(id, request.assigneeId());
    }

    @PostMapping("/{id}/reschedule")
    @Operation(summary = "Move the task to another due time, keeping its length (stale version → 409)")
    TaskView reschedule(@PathVariable UUID id, @RequestBody RescheduleRequest request) {
        return tasks.reschedule(id, request.dueAt(), request.version());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        tasks.delete(id);
        return ResponseEntity.noContent().build();
    }
}
