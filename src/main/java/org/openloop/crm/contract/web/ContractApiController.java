package org.openloop.crm.contract.web;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.contract.ContractChanges;
import org.openloop.crm.contract.ContractDraft;
import org.openloop.crm.contract.ContractManagement;
import org.openloop.crm.contract.ContractView;
import org.openloop.crm.contract.DeliveryStatus;
import org.openloop.crm.contract.TransactionHistory;
import org.openloop.crm.platform.ApiVersions;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.IdempotentCreates;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.MaskStyle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** Contracts and orders over REST (F6) and a customer's transaction history (B10). */
@RestController
@Tag(name = "Contracts")
class ContractApiController {

    static final List<String> EXPORT_HEADERS = List.of("number", "title", "kind", "status", "customer", "currency",
            "amount", "received", "outstanding", "signingDate", "termStart", "termEnd", "renewalDate",
            "deliveryStatus", "signer", "owner", "createdAt");

    /** A delivery change: the new status and the version the client saw. */
    record Delivery(DeliveryStatus deliveryStatus, Long version) {
    }

    /** A transfer: the user who takes the contract over. */
    record TransferRequest(UUID assigneeId) {
    }

    private final ContractManagement contracts;
    private final IdempotentCreates idempotent;
    private final ZoneId zone;

    ContractApiController(ContractManagement contracts, IdempotentCreates idempotent,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.contracts = contracts;
        this.idempotent = idempotent;
        this.zone = zone;
    }

    @GetMapping("/api/v1/contracts")
    @Operation(summary = "List contracts in the caller's scope", description = "Keyset paging (cursor, size ≤ 100); "
            + "sort by createdAt (default -createdAt), signingDate, renewalDate, number; filters customerId, status, "
            + "delivery, kind, ownerId, opportunityId, signingMonth (yyyy-MM), overdue=true; q searches number and "
            + "title. Amounts and the term are null for callers without sensitive:view.")
    CursorPage<ContractView> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return contracts.contracts(ListRequest.from(parameters));
    }

    @GetMapping("/api/v1/contracts/{id}")
    ResponseEntity<ContractView> get(@PathVariable UUID id) {
        ContractView view = contracts.contract(id);
        return ApiVersions.ok(view, view.version());
    }

    @PostMapping("/api/v1/contracts")
    @Operation(summary = "Make a contract from an accepted quote", description = "Lines, amount, customer and "
            + "opportunity come from the quote; one contract per quote (409 for a second); the opportunity must "
            + "accept new work (409) and becomes won. Owner is the caller. Honours Idempotency-Key.")
    ResponseEntity<?> create(@Valid @RequestBody ContractDraft draft,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "/api/v1/contracts", () -> {
            ContractView created = contracts.create(draft);
            return ResponseEntity.created(URI.create("/api/v1/contracts/" + created.id()))
                    .eTag("\"" + created.version() + "\"").body(created);
        });
    }

    @PutMapping("/api/v1/contracts/{id}")
    @Operation(summary = "Change a contract's terms and delivery", description = "version in the body (409 when "
            + "stale) or If-Match (412). Lines and amount stay as quoted.")
    ResponseEntity<ContractView> update(@PathVariable UUID id, @Valid @RequestBody ContractChanges changes,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, changes.version());
        ContractView view = contracts.update(id, changes.withVersion(expected.version()), expected.fromIfMatch());
        return ApiVersions.ok(view, view.version());
    }

    @PostMapping("/api/v1/contracts/{id}/delivery")
    @Operation(summary = "Change the delivery status (NOT_SHIPPED, PARTIALLY_SHIPPED, SHIPPED)", description =
            "A fully paid contract that becomes SHIPPED closes its opportunity.")
    ResponseEntity<ContractView> deliver(@PathVariable UUID id, @RequestBody Delivery delivery,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, delivery.version());
        ContractView view = contracts.deliver(id, delivery.deliveryStatus(), expected.version(),
                expected.fromIfMatch());
        return ApiVersions.ok(view, view.version());
    }

    @PostMapping("/api/v1/contracts/{id}/transfer")
    @Operation(summary = "Transfer the contract to another user (contract:assign; checked: A5)", description =
            "Owner and department become the assignee's; instalments and payments follow. 404 outside the caller's "
            + "scope, 400 without assigneeId, 422 when the assignee is unknown, deactivated, lacks contract view "
            + "and edit, or would not see the contract in their scope.")
    ResponseEntity<ContractView> transfer(@PathVariable UUID id, @RequestBody TransferRequest request) {
        ContractView view = contracts.transfer(id, request.assigneeId());
        return ApiVersions.ok(view, view.version());
    }

    @DeleteMapping("/api/v1/contracts/{id}")
    @Operation(summary = "Delete a contract without payments (409 once money was received)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        contracts.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/contracts/{id}/history")
    CursorPage<AuditEntry> history(@PathVariable UUID id,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return contracts.history(id, ListRequest.from(parameters));
    }

    @GetMapping("/api/v1/contracts/export")
    @Operation(summary = "Export the filtered list as csv or xlsx (scope and masking apply)")
    void export(@RequestParam(defaultValue = "xlsx") String format,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters, HttpServletResponse response)
            throws IOException {
        contracts.export(ListRequest.from(parameters), Exports.Format.of(format), EXPORT_HEADERS,
                ContractApiController::exportRow, zone, response);
    }

    @GetMapping("/api/v1/customers/{id}/transactions")
    @Operation(summary = "A customer's transaction history (B10)", description = "Contracts in the caller's scope "
            + "with lines and payments, and totals per currency (contracted, received, outstanding); masked "
            + "without sensitive:view.")
    TransactionHistory transactions(@PathVariable UUID id) {
        return contracts.transactions(id);
    }

    static List<?> exportRow(ContractView c) {
        return Arrays.asList(c.number(), c.title(), c.kind(), c.status(), c.customerName(), c.currency(),
                hidden(c, c.amount()), hidden(c, c.received()), hidden(c, c.outstanding()), c.signingDate(),
                hidden(c, c.termStart()), hidden(c, c.termEnd()), c.renewalDate(), c.deliveryStatus(), c.signer(),
                c.ownerName(), c.createdAt());
    }

    /** A masked value shows as the mask, not as an empty cell that could be mistaken for "none". */
    static Object hidden(ContractView c, Object value) {
        return c.masked() ? MaskStyle.HIDDEN : value;
    }
}
