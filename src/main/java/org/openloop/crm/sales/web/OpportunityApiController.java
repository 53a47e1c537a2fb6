package org.openloop.crm.sales.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.customfield.CustomFieldDefinition;
import org.openloop.crm.customfield.CustomFieldText;
import org.openloop.crm.customfield.CustomFields;
import org.openloop.crm.platform.ApiVersions;
import org.openloop.crm.platform.IdempotentCreates;
import org.openloop.crm.sales.OpportunityAction;
import org.openloop.crm.sales.OpportunityDraft;
import org.openloop.crm.sales.OpportunityManagement;
import org.openloop.crm.sales.OpportunityView;
import org.openloop.crm.sales.StageChangeView;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.springframework.http.ResponseEntity;
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

/**
 * Opportunities over REST (F1, F2). An opportunity outside the caller's scope answers 404 on every endpoint; the
 * workflow steps answer 409 from the wrong state and 422 when a manager step is taken by someone else.
 */
@RestController
@RequestMapping("/api/v1/opportunities")
@Tag(name = "Opportunities")
class OpportunityApiController {

    private final OpportunityManagement opportunities;
    private final IdempotentCreates idempotent;
    private final java.time.ZoneId zone;
    private final CustomFields customFields;

    OpportunityApiController(OpportunityManagement opportunities, IdempotentCreates idempotent, CustomFields customFields,
            @org.springframework.beans.factory.annotation.Value("${crm.time-zone:Asia/Shanghai}") java.time.ZoneId zone) {
        this.opportunities = opportunities;
        this.idempotent = idempotent;
        this.zone = zone;
        this.customFields = customFields;
    }

    /** Body of the workflow steps: {@code lossReasonId} for lose, an optional {@code note}, the version seen. */
    record StepRequest(UUID lossReasonId, String note, Long version) {
    }

    record MoveRequest(UUID stageId, Long version) {
    }

    record AssignRequest(UUID assigneeId) {
    }

    @GetMapping
    @Operation(summary = "List opportunities in the caller's scope", description = "Keyset paging (cursor, size ≤ 100); "
            + "sort by createdAt, expectedCloseDate, amount, number, name; filters customerId, campaignId, status, "
            + "ownerId, departmentId, pipelineId, stageId, lossReasonId, currency, closeFrom, closeBefore, closeMonth "
            + "(yyyy-MM), amountFrom, amountBefore; q searches number, name and customer name.")
    CursorPage<OpportunityView> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return opportunities.opportunities(ListRequest.from(parameters));
    }

    @GetMapping("/export")
    @Operation(summary = "Export the filtered list as csv or xlsx (scope applies)")
    void export(@RequestParam(defaultValue = "xlsx") String format,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        // custom fields (B11) follow the fixed columns, headed by their keys, values as stored
        List<CustomFieldDefinition> extra = customFields.definitions("opportunity");
        List<String> headers = new java.util.ArrayList<>(OpportunityPages.EXPORT_FIELDS);
        extra.forEach(f -> headers.add(f.key()));
        opportunities.export(ListRequest.from(parameters), org.openloop.crm.platform.Exports.Format.of(format),
                headers, o -> {
                    List<Object> row = new java.util.ArrayList<>(java.util.Arrays.asList(o.number(), o.name(),
                            o.customerName(), o.amount(), o.currency(), o.expectedCloseDate(), o.pipelineName(),
                            o.stageName(), o.probability(), o.status(), o.lossReasonName(), o.ownerName(),
                            o.createdAt()));
                    extra.forEach(f -> row.add(CustomFieldText.raw(o.customFields().get(f.key()))));
                    return row;
                }, zone, response);
    }

    @GetMapping("/{id}")
    ResponseEntity<OpportunityView> get(@PathVariable UUID id) {
        OpportunityView view = opportunities.opportunity(id);
        return ApiVersions.ok(view, view.version());
    }

    @PostMapping
    @Operation(summary = "Create an opportunity on a customer the caller sees", description = "Honours Idempotency-Key. "
            + "Pipeline and stage default to the default pipeline's first stage, probability to the stage's, "
            + "currency to CNY.")
    ResponseEntity<?> create(@Valid @RequestBody OpportunityDraft draft,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "/api/v1/opportunities", () -> {
            OpportunityView created = opportunities.create(draft);
            return ResponseEntity.created(URI.create("/api/v1/opportunities/" + created.id()))
                    .eTag("\"" + created.version() + "\"").body(created);
        });
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit an open or won opportunity (lost and closed ones are read-only: 409)",
            description = "Carry `version` in the body (stale → 409) or If-Match (stale → 412).")
    ResponseEntity<OpportunityView> update(@PathVariable UUID id, @Valid @RequestBody OpportunityDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        OpportunityDraft withVersion = new OpportunityDraft(draft.customerId(), draft.name(), draft.amount(),
                draft.currency(), draft.expectedCloseDate(), draft.pipelineId(), draft.stageId(), draft.probability(),
                draft.campaignId(), draft.competitors(), draft.nextStep(), draft.description(), expected.version(),
                draft.customFields());
        OpportunityView view = opportunities.update(id, withVersion, expected.fromIfMatch());
        return ApiVersions.ok(view, view.version());
    }

    @PostMapping("/{id}/move")
    @Operation(summary = "Move an open opportunity to another stage of its pipeline (the board's drag)")
    ResponseEntity<OpportunityView> move(@PathVariable UUID id, @RequestBody MoveRequest body) {
        OpportunityView view = opportunities.moveToStage(id, body.stageId(), body.version());
        return ApiVersions.ok(view, view.version());
    }

    @PostMapping("/{id}/win")
    @Operation(summary = "执行 → 成功: mark an open opportunity won")
    ResponseEntity<OpportunityView> win(@PathVariable UUID id, @RequestBody(required = false) StepRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return step(id, OpportunityAction.WIN, body, ifMatch);
    }

    @PostMapping("/{id}/lose")
    @Operation(summary = "执行 → 失败: mark an open opportunity lost; lossReasonId (an active loss reason) is required")
    ResponseEntity<OpportunityView> lose(@PathVariable UUID id, @RequestBody(required = false) StepRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return step(id, OpportunityAction.LOSE, body, ifMatch);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "成功 → 关闭: close a won opportunity (holders of opportunity:assign)")
    ResponseEntity<OpportunityView> close(@PathVariable UUID id, @RequestBody(required = false) StepRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return step(id, OpportunityAction.CLOSE, body, ifMatch);
    }

    @PostMapping("/{id}/reopen")
    @Operation(summary = "失败 → 执行: reopen a lost opportunity (holders of opportunity:assign; audited)")
    ResponseEntity<OpportunityView> reopen(@PathVariable UUID id, @RequestBody(required = false) StepRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return step(id, OpportunityAction.REOPEN, body, ifMatch);
    }

    @PostMapping("/{id}/assign")
    @Operation(summary = "Hand the opportunity to another user (opportunity:assign, assignment check)")
    ResponseEntity<OpportunityView> assign(@PathVariable UUID id, @RequestBody AssignRequest body) {
        OpportunityView view = opportunities.assign(id, body.assigneeId());
        return ApiVersions.ok(view, view.version());
    }

    @GetMapping("/{id}/stage-history")
    @Operation(summary = "Stage and status changes: from, to, at, by, time in stage")
    List<StageChangeView> stageHistory(@PathVariable UUID id) {
        return opportunities.stageHistory(id);
    }

    @GetMapping("/{id}/history")
    CursorPage<AuditEntry> history(@PathVariable UUID id,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return opportunities.history(id, ListRequest.from(parameters));
    }

    private ResponseEntity<OpportunityView> step(UUID id, OpportunityAction action, StepRequest body,
            String ifMatch) {
        StepRequest request = body == null ? new StepRequest(null, null, null) : body;
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, request.version());
        OpportunityView view = opportunities.act(id, action, request.lossReasonId(), request.note(),
                expected.version(), expected.fromIfMatch());
        return ApiVersions.ok(view, view.version());
    }
}
