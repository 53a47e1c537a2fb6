package org.openloop.crm.collaboration.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.collaboration.CollaborationAction;
import org.openloop.crm.collaboration.CollaborationDraft;
import org.openloop.crm.collaboration.CollaborationLogView;
import org.openloop.crm.collaboration.CollaborationManagement;
import org.openloop.crm.collaboration.CollaborationStats;
import org.openloop.crm.collaboration.CollaborationTaskView;
import org.openloop.crm.collaboration.LogKind;
import org.openloop.crm.collaboration.Satisfaction;
import org.openloop.crm.platform.ApiVersions;
import org.openloop.crm.platform.IdempotentCreates;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Collaboration tasks over REST (E1–E7). A task the caller does not see answers 404 on every endpoint. */
@RestController
@RequestMapping("/api/v1/collaboration-tasks")
@Tag(name = "Collaboration tasks")
class CollaborationApiController {

    private final CollaborationManagement collaboration;
    private final IdempotentCreates idempotent;

    CollaborationApiController(CollaborationManagement collaboration, IdempotentCreates idempotent) {
        this.collaboration = collaboration;
        this.idempotent = idempotent;
    }

    /** Body of the workflow steps; {@code reason} is required for send-back and escalate. */
    record StepRequest(String reason, Long version) {
    }

    record LogRequest(LogKind kind, String text) {
    }

    record SatisfactionRequest(Satisfaction satisfaction, String finalSolution, Long version) {
    }

    @GetMapping
    @Operation(summary = "List collaboration tasks the caller sees", description = "Keyset paging (cursor, size ≤ 100); "
            + "sort by createdAt, expectedAt, number; filters state, priority, customerId, involvement "
            + "(mine | asked | departments), overdue=true; q searches number, content and customer name.")
    CursorPage<CollaborationTaskView> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return collaboration.tasks(ListRequest.from(parameters));
    }

    @GetMapping("/{id}")
    ResponseEntity<CollaborationTaskView> get(@PathVariable UUID id) {
        CollaborationTaskView task = collaboration.task(id);
        return ApiVersions.ok(task, task.version());
    }

    @PostMapping
    @Operation(summary = "Start a collaboration task on a customer; the people asked are notified",
            description = "Honours Idempotency-Key.")
    ResponseEntity<?> create(@Valid @RequestBody CollaborationDraft draft,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "/api/v1/collaboration-tasks", () -> {
            CollaborationTaskView created = collaboration.create(draft);
            return ResponseEntity.created(URI.create("/api/v1/collaboration-tasks/" + created.id()))
                    .eTag("\"" + created.version() + "\"").body(created);
        });
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "A person asked accepts the task (PENDING → IN_PROGRESS)")
    ResponseEntity<CollaborationTaskView> accept(@PathVariable UUID id, @RequestBody(required = false) StepRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return step(id, CollaborationAction.ACCEPT, body, ifMatch);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "A person asked submits the result for review (IN_PROGRESS → IN_REVIEW)")
    ResponseEntity<CollaborationTaskView> submit(@PathVariable UUID id, @RequestBody(required = false) StepRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return step(id, CollaborationAction.SUBMIT, body, ifMatch);
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "The initiator accepts the result (IN_REVIEW → DONE)")
    ResponseEntity<CollaborationTaskView> approve(@PathVariable UUID id, @RequestBody(required = false) StepRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return step(id, CollaborationAction.APPROVE, body, ifMatch);
    }

    @PostMapping("/{id}/send-back")
    @Operation(summary = "The initiator sends the result back with a reason (IN_REVIEW → IN_PROGRESS)")
    ResponseEntity<CollaborationTaskView> sendBack(@PathVariable UUID id,
            @RequestBody(required = false) StepRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return step(id, CollaborationAction.SEND_BACK, body, ifMatch);
    }

    @PostMapping("/{id}/escalate")
    @Operation(summary = "The initiator escalates to the coordinators of the departments asked, with a reason")
    ResponseEntity<CollaborationTaskView> escalate(@PathVariable UUID id,
            @RequestBody(required = false) StepRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        StepRequest request = body == null ? new StepRequest(null, null) : body;
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, request.version());
        CollaborationTaskView task = collaboration.escalate(id, request.reason(), expected.version(),
                expected.fromIfMatch());
        return ApiVersions.ok(task, task.version());
    }

    @GetMapping("/{id}/log")
    List<CollaborationLogView> log(@PathVariable UUID id) {
        return collaboration.logOf(id);
    }

    @PostMapping("/{id}/log")
    @Operation(summary = "Add a task-log entry (PROGRESS, PROBLEM, SOLUTION) as a person involved")
    ResponseEntity<CollaborationLogView> addLog(@PathVariable UUID id, @RequestBody LogRequest request) {
        CollaborationLogView entry = collaboration.addLog(id, request.kind(), request.text());
        return ResponseEntity.status(201).body(entry);
    }

    @PostMapping("/{id}/satisfaction")
    @Operation(summary = "The initiator records the customer's satisfaction and the final solution of a done task")
    ResponseEntity<CollaborationTaskView> satisfaction(@PathVariable UUID id, @RequestBody SatisfactionRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, request.version());
        CollaborationTaskView task = collaboration.recordSatisfaction(id, request.satisfaction(),
                request.finalSolution(), expected.version(), expected.fromIfMatch());
        return ApiVersions.ok(task, task.version());
    }

    @GetMapping("/stats")
    @Operation(summary = "Weekly or monthly figures over the tasks the caller sees (period = week | month)")
    CollaborationStats stats(@RequestParam(defaultValue = "week") String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return collaboration.stats(period, date);
    }

    private ResponseEntity<CollaborationTaskView> step(UUID id, CollaborationAction action, StepRequest body,
            String ifMatch) {
        StepRequest request = body == null ? new StepRequest(null, null) : body;
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, request.version());
        CollaborationTaskView task = collaboration.act(id, action, request.reason(), expected.version(),
                expected.fromIfMatch());
        return ApiVersions.ok(task, task.version());
    }
}
