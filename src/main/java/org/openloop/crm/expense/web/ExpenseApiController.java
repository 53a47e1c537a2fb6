package org.openloop.crm.expense.web;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.expense.ExpenseDraft;
import org.openloop.crm.expense.ExpenseManagement;
import org.openloop.crm.expense.ExpenseTotal;
import org.openloop.crm.expense.ExpenseView;
import org.openloop.crm.platform.ApiVersions;
import org.openloop.crm.platform.Exports;
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
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** Expenses on opportunities over REST (F8); rights are the opportunity module's. */
@RestController
@RequestMapping("/api/v1/expenses")
@Tag(name = "Expenses")
class ExpenseApiController {

    static final List<String> EXPORT_HEADERS = List.of("spentOn", "type", "amount", "currency", "opportunity",
            "customer", "description", "owner", "createdAt");

    private final ExpenseManagement expenses;
    private final IdempotentCreates idempotent;

    ExpenseApiController(ExpenseManagement expenses, IdempotentCreates idempotent) {
        this.expenses = expenses;
        this.idempotent = idempotent;
    }

    @GetMapping
    @Operation(summary = "List expenses", description = "Keyset paging (cursor, size ≤ 100); sort by spentOn "
            + "(default -spentOn), amount, createdAt; filters opportunityId, customerId, type, ownerId, departmentId, "
            + "spentFrom and spentTo (dates, inclusive); q searches the description. Only expenses in the caller's "
            + "scope whose opportunity the caller can see.")
    CursorPage<ExpenseView> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return expenses.expenses(ListRequest.from(parameters));
    }

    @GetMapping("/totals")
    @Operation(summary = "Totals of an opportunity's expenses per currency (those the caller can see)")
    List<ExpenseTotal> totals(@RequestParam UUID opportunityId) {
        return expenses.totalsOf(opportunityId);
    }

    @GetMapping("/export")
    @Operation(summary = "Export the filtered list as csv or xlsx (scope applies)")
    void export(@RequestParam(defaultValue = "xlsx") String format,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters, HttpServletResponse response)
            throws IOException {
        expenses.export(ListRequest.from(parameters), Exports.Format.of(format), EXPORT_HEADERS,
                ExpenseApiController::exportRow, response);
    }

    static List<?> exportRow(ExpenseView e) {
        return Arrays.asList(e.spentOn(), e.type(), e.amount().toPlainString(), e.currency(),
                e.opportunityNumber() + " " + e.opportunityName(), e.customerName(), e.description(), e.ownerName(),
                e.createdAt());
    }

    @GetMapping("/{id}")
    ResponseEntity<ExpenseView> get(@PathVariable UUID id) {
        ExpenseView view = expenses.expense(id);
        return ApiVersions.ok(view, view.version());
    }

    @PostMapping
    @Operation(summary = "Record an expense owned by the caller", description = "The opportunity must accept "
            + "expenses (a closed or lost one answers 409). Honours Idempotency-Key.")
    ResponseEntity<?> create(@Valid @RequestBody ExpenseDraft draft,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "/api/v1/expenses", () -> {
            ExpenseView created = expenses.create(draft);
            return ResponseEntity.created(URI.create("/api/v1/expenses/" + created.id()))
                    .eTag("\"" + created.version() + "\"").body(created);
        });
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an expense", description = "version in the body (stale → 409) or If-Match "
            + "(stale → 412); the expenses of a closed opportunity are read-only (409).")
    ResponseEntity<ExpenseView> update(@PathVariable UUID id, @Valid @RequestBody ExpenseDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        ExpenseView updated = expenses.update(id, draft.withVersion(expected.version()), expected.fromIfMatch());
        return ApiVersions.ok(updated, updated.version());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        expenses.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/audit")
    CursorPage<AuditEntry> history(@PathVariable UUID id,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return expenses.history(id, ListRequest.from(parameters));
    }
}
