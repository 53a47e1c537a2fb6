package org.openloop.crm.customer.web;

import java.util.List;
import java.util.UUID;

import org.openloop.crm.customer.ChangeRequestView;
import org.openloop.crm.customer.CustomerChanges;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Key-field change approval (A7) over HTTP. */
@RestController
@Tag(name = "Customer change approval")
class CustomerChangeApiController {

    record KeyFields(List<String> fields) {
    }

    record Decision(String note) {
    }

    private final CustomerChanges changes;

    CustomerChangeApiController(CustomerChanges changes) {
        this.changes = changes;
    }

    @GetMapping("/api/v1/customer-key-fields")
    @Operation(summary = "The customer fields whose changes need approval")
    KeyFields keyFields() {
        return new KeyFields(changes.keyFields());
    }

    @PutMapping("/api/v1/customer-key-fields")
    @Operation(summary = "Choose the key fields (administrators)")
    KeyFields chooseKeyFields(@RequestBody KeyFields request) {
        return new KeyFields(changes.chooseKeyFields(request.fields()));
    }

    @GetMapping("/api/v1/customers/{id}/change-requests")
    @Operation(summary = "A customer's change requests, newest first")
    List<ChangeRequestView> requestsOf(@PathVariable UUID id) {
        return changes.requestsOf(id);
    }

    @GetMapping("/api/v1/customer-change-requests")
    @Operation(summary = "Pending change requests the caller may decide (needs customer:assign)")
    List<ChangeRequestView> pending() {
        return changes.pendingForMe();
    }

    @PostMapping("/api/v1/customer-change-requests/{id}/approve")
    @Operation(summary = "Approve: the value changes now")
    ChangeRequestView approve(@PathVariable UUID id, @RequestBody(required = false) Decision decision) {
        return changes.decide(id, true, decision == null ? null : decision.note());
    }

    @PostMapping("/api/v1/customer-change-requests/{id}/reject")
    @Operation(summary = "Reject: the value stays")
    ChangeRequestView reject(@PathVariable UUID id, @RequestBody(required = false) Decision decision) {
        return changes.decide(id, false, decision == null ? null : decision.note());
    }
}
