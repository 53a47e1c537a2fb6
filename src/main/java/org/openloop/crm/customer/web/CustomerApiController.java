package org.openloop.crm.customer.web;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.customer.ContactView;
import org.openloop.crm.customer.CustomerDraft;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.customfield.CustomFieldDefinition;
import org.openloop.crm.customfield.CustomFieldText;
import org.openloop.crm.customfield.CustomFields;
import org.openloop.crm.platform.ApiVersions;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.IdempotentCreates;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.springframework.beans.factory.annotation.Value;
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
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** Customers over REST (B1, B7). */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers")
class CustomerApiController {

    static final List<String> EXPORT_HEADERS = List.of("number", "name", "industry", "size", "type", "level",
            "source", "activity", "phone", "email", "website", "address", "owner", "tags", "archived", "createdAt");

    private final CustomerManagement customers;
    private final IdempotentCreates idempotent;
    private final CustomFields customFields;
    private final ZoneId zone;

    CustomerApiController(CustomerManagement customers, IdempotentCreates idempotent, CustomFields customFields,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.customers = customers;
        this.idempotent = idempotent;
        this.customFields = customFields;
        this.zone = zone;
    }

    record TransferRequest(UUID assigneeId) {
    }

    record ArchiveRequest(String reason) {
    }

    @GetMapping
    @Operation(summary = "List customers", description = "Keyset paging (cursor, size ≤ 100); sort by name, number, "
            + "createdAt; filters type, level, source, companySize, industry, ownerId, departmentId, archived (default "
            + "false), activity (ACTIVE/DORMANT), phone, email; q searches name, number, phone and e-mail; "
            + "custom fields flagged filterable: cf.<key>, cf.<key>.contains, cf.<key>.from, cf.<key>.to.")
    CursorPage<CustomerView> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return customers.customers(ListRequest.from(parameters));
    }

    @GetMapping("/count")
    @Operation(summary = "Count customers", description = "The same filters as the list; exact up to 10 000, then "
            + "capped (more = true, display \"10000+\"), so the count never scans the whole table.")
    org.openloop.crm.shared.CappedCount count(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return customers.count(ListRequest.from(parameters));
    }

    @GetMapping("/{id}")
    ResponseEntity<CustomerView> get(@PathVariable UUID id) {
        CustomerView customer = customers.customer(id);
        return ApiVersions.ok(customer, customer.version());
    }

    @PostMapping
    @Operation(summary = "Create a customer owned by the caller", description = "Honours Idempotency-Key.")
    ResponseEntity<?> create(@Valid @RequestBody CustomerDraft draft,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "/api/v1/customers", () -> {
            CustomerView created = customers.create(draft);
            return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id()))
                    .eTag("\"" + created.version() + "\"").body(created);
        });
    }

    @PutMapping("/{id}")
    ResponseEntity<CustomerView> update(@PathVariable UUID id, @Valid @RequestBody CustomerDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        CustomerView updated = customers.update(id, withVersion(draft, expected.version()), expected.fromIfMatch());
        return ApiVersions.ok(updated, updated.version());
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "Transfer the customer and its contacts to another user (checked: A5)")
    CustomerView transfer(@PathVariable UUID id, @RequestBody TransferRequest request) {
        return customers.transfer(id, request.assigneeId());
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/{id}")
    @Operation(summary = "Delete a customer for good (administrators; only without history, otherwise 409 — archive it)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        customers.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/archive")
    CustomerView archive(@PathVariable UUID id, @RequestBody ArchiveRequest request) {
        return customers.archive(id, request.reason());
    }

    @PostMapping("/{id}/reactivate")
    CustomerView reactivate(@PathVariable UUID id) {
        return customers.reactivate(id);
    }

    @GetMapping("/{id}/contacts")
    List<ContactView> contacts(@PathVariable UUID id) {
        return customers.contactsOf(id);
    }

    @GetMapping("/{id}/audit")
    CursorPage<AuditEntry> history(@PathVariable UUID id,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return customers.history(id, ListRequest.from(parameters));
    }

    @GetMapping("/export")
    @Operation(summary = "Export the filtered list as csv or xlsx (scope and masking apply)")
    void export(@RequestParam(defaultValue = "xlsx") String format,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters, HttpServletResponse response)
            throws IOException {
        // custom fields (B11) follow the fixed columns, headed by their keys, values as stored
        List<CustomFieldDefinition> extra = customFields.definitions("customer");
        List<String> headers = new java.util.ArrayList<>(EXPORT_HEADERS);
        extra.forEach(f -> headers.add(f.key()));
        customers.export(ListRequest.from(parameters), Exports.Format.of(format), headers, c -> {
            List<Object> row = new java.util.ArrayList<>(exportRow(c));
            extra.forEach(f -> row.add(CustomFieldText.raw(c.customFields().get(f.key()))));
            return row;
        }, zone, response);
    }

    static List<?> exportRow(CustomerView c) {
        return java.util.Arrays.asList(c.number(), c.name(), c.industry(), c.size(), c.type(), c.level(), c.source(),
                c.activity(), c.phone(), c.email(), c.website(), c.address(), c.ownerName(),
                tagNames(c), c.archived(), c.createdAt());
    }

    static CustomerDraft withVersion(CustomerDraft d, Long version) {
        return new CustomerDraft(d.name(), d.industry(), d.size(), d.type(), d.level(), d.source(), d.address(),
                d.phone(), d.email(), d.website(), d.background(), d.painPoints(), version, d.customFields());
    }

    /** Tag names joined for one export cell. */
    static String tagNames(CustomerView customer) {
        return String.join(", ", customer.tags().stream().map(org.openloop.crm.customer.TagRef::name).toList());
    }
}
