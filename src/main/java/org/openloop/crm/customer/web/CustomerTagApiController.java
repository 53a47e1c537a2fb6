package org.openloop.crm.customer.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.customer.CustomerTags;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.customer.TagDraft;
import org.openloop.crm.customer.TagView;
import org.openloop.crm.platform.ApiVersions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Tags (B3) over HTTP: managed tags, a customer's tags, bulk tagging. */
@RestController
@Tag(name = "Customer tags")
class CustomerTagApiController {

    record TaggingRequest(List<UUID> tagIds, List<String> newTags) {
    }

    record BulkTaggingRequest(List<UUID> customerIds, List<UUID> add, List<UUID> remove) {
    }

    record BulkTaggingResult(int changed) {
    }

    private final CustomerTags tags;

    CustomerTagApiController(CustomerTags tags) {
        this.tags = tags;
    }

    @GetMapping("/api/v1/customer-tags")
    @Operation(summary = "Every tag with its usage, managed tags first")
    List<TagView> list() {
        return tags.tags();
    }

    @PostMapping("/api/v1/customer-tags")
    @Operation(summary = "Define a managed tag (needs customer:assign)")
    ResponseEntity<TagView> create(@Valid @RequestBody TagDraft draft) {
        TagView created = tags.createTag(draft);
        return ResponseEntity.created(URI.create("/api/v1/customer-tags/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/customer-tags/{id}")
    @Operation(summary = "Rename or recolour a tag; a free tag becomes managed (needs customer:assign)")
    ResponseEntity<TagView> update(@PathVariable UUID id, @Valid @RequestBody TagDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        TagView updated = tags.updateTag(id, new TagDraft(draft.name(), draft.colour(), expected.version()),
                expected.fromIfMatch());
        return ApiVersions.ok(updated, updated.version());
    }

    @DeleteMapping("/api/v1/customer-tags/{id}")
    @Operation(summary = "Delete a tag and take it off every customer (needs customer:assign)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        tags.deleteTag(id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/v1/customers/{id}/tags")
    @Operation(summary = "Set a customer's tags: existing ones by id, new free tags by name")
    CustomerView tag(@PathVariable UUID id, @RequestBody TaggingRequest request) {
        return tags.tag(id, request.tagIds(), request.newTags());
    }

    @PostMapping("/api/v1/customers/bulk-tags")
    @Operation(summary = "Add and remove tags on up to 500 customers; all must be editable by the caller")
    BulkTaggingResult bulk(@RequestBody BulkTaggingRequest request) {
        return new BulkTaggingResult(tags.bulkTag(request.customerIds(), request.add(), request.remove()));
    }
}
