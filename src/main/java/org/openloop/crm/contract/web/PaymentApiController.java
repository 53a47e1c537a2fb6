package org.openloop.crm.contract.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.contract.PaymentDraft;
import org.openloop.crm.contract.PaymentManagement;
import org.openloop.crm.contract.PaymentPlanDraft;
import org.openloop.crm.contract.PaymentPlanView;
import org.openloop.crm.contract.PaymentView;
import org.openloop.crm.platform.ApiVersions;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Payment plans and payments over REST (F7). */
@RestController
@Tag(name = "Payments")
class PaymentApiController {

    private final PaymentManagement payments;

    PaymentApiController(PaymentManagement payments) {
        this.payments = payments;
    }

    @GetMapping("/api/v1/contracts/{id}/payment-plans")
    List<PaymentPlanView> plans(@PathVariable UUID id) {
        return payments.plansOf(id);
    }

    @PostMapping("/api/v1/contracts/{id}/payment-plans")
    @Operation(summary = "Add a planned instalment", description = "The plan's total may not exceed the amount (422).")
    ResponseEntity<PaymentPlanView> addPlan(@PathVariable UUID id, @Valid @RequestBody PaymentPlanDraft draft) {
        PaymentPlanView created = payments.addPlan(id, draft);
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + id + "/payment-plans/" + created.id()))
                .eTag("\"" + created.version() + "\"").body(created);
    }

    @PutMapping("/api/v1/contracts/{id}/payment-plans/{planId}")
    ResponseEntity<PaymentPlanView> changePlan(@PathVariable UUID id, @PathVariable UUID planId,
            @Valid @RequestBody PaymentPlanDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        PaymentPlanView view = payments.changePlan(id, planId, new PaymentPlanDraft(draft.dueDate(), draft.amount(),
                draft.note(), expected.version()), expected.fromIfMatch());
        return ApiVersions.ok(view, view.version());
    }

    @DeleteMapping("/api/v1/contracts/{id}/payment-plans/{planId}")
    ResponseEntity<Void> deletePlan(@PathVariable UUID id, @PathVariable UUID planId) {
        payments.deletePlan(id, planId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/contracts/{id}/payments")
    List<PaymentView> paymentsOf(@PathVariable UUID id) {
        return payments.paymentsOf(id);
    }

    @PostMapping("/api/v1/contracts/{id}/payments")
    @Operation(summary = "Record money received", description = "More than the outstanding balance is refused (422). "
            + "A contract fully paid and shipped closes its opportunity.")
    ResponseEntity<PaymentView> record(@PathVariable UUID id, @Valid @RequestBody PaymentDraft draft) {
        PaymentView created = payments.record(id, draft);
        return ResponseEntity.created(URI.create("/api/v1/payments/" + created.id()))
                .eTag("\"" + created.version() + "\"").body(created);
    }

    @GetMapping("/api/v1/payment-plans")
    @Operation(summary = "Planned instalments across the contracts in the caller's scope", description = "Sort "
            + "dueDate (default), createdAt; filters contractId, covered, dueFrom, dueBefore, overdue=true.")
    CursorPage<PaymentPlanView> allPlans(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return payments.plans(ListRequest.from(parameters));
    }

    @GetMapping("/api/v1/payments")
    @Operation(summary = "Payments received across the contracts in the caller's scope", description = "Sort "
            + "receivedOn (default -receivedOn), createdAt; filters contractId, method, receivedFrom, receivedBefore; "
            + "q searches the reference.")
    CursorPage<PaymentView> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return payments.payments(ListRequest.from(parameters));
    }

    @GetMapping("/api/v1/payments/{id}")
    ResponseEntity<PaymentView> get(@PathVariable UUID id) {
        PaymentView view = payments.payment(id);
        return ApiVersions.ok(view, view.version());
    }

    @PutMapping("/api/v1/payments/{id}")
    @Operation(summary = "Correct a payment (audited)", description = "version in the body (409) or If-Match (412).")
    ResponseEntity<PaymentView> correct(@PathVariable UUID id, @Valid @RequestBody PaymentDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        PaymentView view = payments.correct(id, new PaymentDraft(draft.receivedOn(), draft.amount(), draft.method(),
                draft.reference(), draft.note(), draft.planId(), expected.version()), expected.fromIfMatch());
        return ApiVersions.ok(view, view.version());
    }

    @DeleteMapping("/api/v1/payments/{id}")
    @Operation(summary = "Delete a payment (audited; the balance reopens, a closed opportunity stays closed)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        payments.delete(id);
        return ResponseEntity.noContent().build();
    }
}
