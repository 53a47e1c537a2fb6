package org.openloop.crm.customfield.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.customfield.CustomFieldDefinition;
import org.openloop.crm.customfield.CustomFieldDraft;
import org.openloop.crm.customfield.CustomFields;
import org.openloop.crm.platform.ApiVersions;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Custom field definitions over REST (B11): readable with the record type's view right, changed by administrators. */
@RestController
@RequestMapping("/api/v1/custom-fields")
@Tag(name = "Custom fields")
class CustomFieldApiController {

    private final CustomFields fields;

    CustomFieldApiController(CustomFields fields) {
        this.fields = fields;
    }

    @GetMapping
    @Operation(summary = "List the custom fields of a record type in display order",
            description = "recordType is customer or contact; inactive=true includes deactivated fields.")
    List<CustomFieldDefinition> list(@RequestParam String recordType,
            @RequestParam(defaultValue = "false") boolean inactive) {
        return fields.definitionsForReader(recordType, inactive);
    }

    @GetMapping("/{id}")
    ResponseEntity<CustomFieldDefinition> get(@PathVariable UUID id) {
        CustomFieldDefinition field = fields.definition(id);
        return ApiVersions.ok(field, field.version());
    }

    @PostMapping
    @Operation(summary = "Define a custom field (organization:edit)", description = "The key is generated from the "
            + "English label and never changes; select fields need options [{value?, zh, en}].")
    ResponseEntity<CustomFieldDefinition> create(@Valid @RequestBody CustomFieldDraft draft) {
        CustomFieldDefinition created = fields.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/custom-fields/" + created.id()))
                .eTag("\"" + created.version() + "\"").body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change labels, rules, options, order and flags (organization:edit)",
            description = "Carry version in the body (stale → 409) or If-Match (stale → 412). Record type and type "
                    + "stay as created.")
    ResponseEntity<CustomFieldDefinition> update(@PathVariable UUID id, @Valid @RequestBody CustomFieldDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        CustomFieldDefinition updated = fields.update(id, withVersion(draft, expected.version()),
                expected.fromIfMatch());
        return ApiVersions.ok(updated, updated.version());
    }

    @PostMapping("/{id}/deactivate")
    @Operation(summary = "Deactivate a field: values are kept but no longer shown, required or filterable")
    CustomFieldDefinition deactivate(@PathVariable UUID id) {
        return fields.setActive(id, false);
    }

    @PostMapping("/{id}/activate")
    CustomFieldDefinition activate(@PathVariable UUID id) {
        return fields.setActive(id, true);
    }

    private static CustomFieldDraft withVersion(CustomFieldDraft d, Long version) {
        return new CustomFieldDraft(d.recordType(), d.labelZh(), d.labelEn(), d.type(), d.required(), d.maxLength(),
                d.min(), d.max(), d.pattern(), d.options(), d.displayOrder(), d.shownInList(), d.filterable(),
                version);
    }
}
