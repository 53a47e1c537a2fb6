package org.openloop.crm.activity.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.activity.InteractionDraft;
import org.openloop.crm.activity.InteractionManagement;
import org.openloop.crm.activity.InteractionView;
import org.openloop.crm.activity.TaskView;
import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.platform.ApiVersions;
import org.openloop.crm.platform.IdempotentCreates;
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

/** Interactions over REST (C1). */
@RestController
@RequestMapping("/api/v1/interactions")
@Tag(name = "Interactions")
class InteractionApiController {

    private final InteractionManagement interactions;
    private final IdempotentCreates idempotent;

    private final java.time.ZoneId zone;

    InteractionApiController(InteractionManagement interactions, IdempotentCreates idempotent,
            @org.springframework.beans.factory.annotation.Value("${crm.time-zone:Asia/Shanghai}") java.time.ZoneId zone) {
        this.zone = zone;
        this.interactions = interactions;
        this.idempotent = idempotent;
    }

    @GetMapping
    @Operation(summary = "List interactions", description = "Keyset paging (cursor, size ≤ 100); sort by occurredAt "
            + "(default -occurredAt), createdAt, subject; filters customerId, channel, ownerId, departmentId; q "
            + "searches the subject.")
    CursorPage<InteractionView> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return interactions.interactions(ListRequest.from(parameters));
    }

    @GetMapping("/export")
    @Operation(summary = "Export the filtered interaction list as csv or xlsx", description = "Same filters, sort "
            + "and data scope as the list; needs activity:export; formulas are neutralised and the export audited.")
    void export(@RequestParam(defaultValue = "xlsx") String format,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        interactions.export(ListRequest.from(parameters), org.openloop.crm.platform.Exports.Format.of(format),
                ActivityExports.INTERACTION_HEADERS, i -> ActivityExports.interactionRow(i, ActivityExports::code),
                zone, response);
    }

    @GetMapping("/{id}")
    ResponseEntity<InteractionView> get(@PathVariable UUID id) {
        InteractionView view = interactions.interaction(id);
        return ApiVersions.ok(view, view.version());
    }

    @PostMapping
    @Operation(summary = "Record an interaction owned by the caller", description = "Updates the customer's last "
            + "interaction; customerType and tagIds change the customer in the same save; createTasks turns every "
            + "to-do into a task. Honours Idempotency-Key.")
    ResponseEntity<?> create(@Valid @RequestBody InteractionDraft draft,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "/api/v1/interactions", () -> {
            InteractionView created = interactions.create(draft);
            return ResponseEntity.created(URI.create("/api/v1/interactions/" + created.id()))
                    .eTag("\"" + created.version() + "\"").body(created);
        });
    }

    @PutMapping("/{id}")
    ResponseEntity<InteractionView> update(@PathVariable UUID id, @Valid @RequestBody InteractionDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        InteractionDraft versioned = new InteractionDraft(draft.customerId(), draft.channel(), draft.occurredAt(),
                draft.place(), draft.participantIds(), draft.contactIds(), draft.subject(), draft.summary(),
                draft.feedback(), draft.agreements(), draft.todos(), draft.createTasks(), draft.customerType(),
                draft.tagIds(), draft.opportunityId(), expected.version());
        InteractionView updated = interactions.update(id, versioned, expected.fromIfMatch());
        return ApiVersions.ok(updated, updated.version());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        interactions.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/todos/{index}/task")
    @Operation(summary = "Turn one to-do into a task (409 when it already is one)")
    ResponseEntity<TaskView> makeTask(@PathVariable UUID id, @PathVariable int index) {
        TaskView task = interactions.makeTask(id, index);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id())).body(task);
    }

    @GetMapping("/{id}/audit")
    CursorPage<AuditEntry> history(@PathVariable UUID id,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return interactions.history(id, ListRequest.from(parameters));
    }
}
