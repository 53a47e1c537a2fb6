package org.openloop.crm.customer.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.customer.ContactDraft;
import org.openloop.crm.customer.ContactView;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.platform.ApiVersions;
import org.openloop.crm.platform.IdempotentCreates;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Contacts over REST (B2). */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Customers")
class ContactApiController {

    private final CustomerManagement customers;
    private final IdempotentCreates idempotent;

    ContactApiController(CustomerManagement customers, IdempotentCreates idempotent) {
        this.customers = customers;
        this.idempotent = idempotent;
    }

    @GetMapping
    @Operation(summary = "List contacts", description = "Keyset paging; sort by name, createdAt; filters customerId, cf.<key>… (filterable custom fields), "
            + "keyDecisionMaker, mobile, email; q searches name, title, mobile and e-mail.")
    CursorPage<ContactView> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return customers.contacts(ListRequest.from(parameters));
    }

    @GetMapping("/count")
    @Operation(summary = "Count contacts", description = "The same filters as the list; exact up to 10 000, then capped.")
    org.openloop.crm.shared.CappedCount count(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return customers.contactCount(ListRequest.from(parameters));
    }

    @GetMapping("/{id}")
    ResponseEntity<ContactView> get(@PathVariable UUID id) {
        ContactView contact = customers.contact(id);
        return ApiVersions.ok(contact, contact.version());
    }

    @PostMapping
    ResponseEntity<?> create(@Valid @RequestBody ContactDraft draft,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "/api/v1/contacts", () -> {
            ContactView created = customers.createContact(draft);
            return ResponseEntity.created(URI.create("/api/v1/contacts/" + created.id())).body(created);
        });
    }

    @PutMapping("/{id}")
    ResponseEntity<ContactView> update(@PathVariable UUID id, @Valid @RequestBody ContactDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        ContactView updated = customers.updateContact(id, new ContactDraft(draft.customerId(), draft.name(),
                draft.title(), draft.mobile(), draft.officePhone(), draft.email(), draft.birthday(),
                draft.keyDecisionMaker(), draft.primaryContact(), expected.version(), draft.customFields()),
                expected.fromIfMatch());
        return ApiVersions.ok(updated, updated.version());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        customers.deleteContact(id);
    }
}
