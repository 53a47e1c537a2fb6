package org.openloop.crm.organization.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.organization.DepartmentDraft;
import org.openloop.crm.organization.DepartmentSummary;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.platform.ApiVersions;
import org.openloop.crm.platform.IdempotentCreates;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The department tree over REST (A1). */
@RestController
@RequestMapping("/api/v1/departments")
@Tag(name = "Organisation")
class DepartmentApiController {

    private final OrganizationManagement organization;
    private final IdempotentCreates idempotent;

    DepartmentApiController(OrganizationManagement organization, IdempotentCreates idempotent) {
        this.organization = organization;
        this.idempotent = idempotent;
    }

    @GetMapping
    @Operation(summary = "All departments, depth-first in display order (depth 0 = top level)")
    List<DepartmentSummary> tree() {
        return organization.departmentTree();
    }

    @GetMapping("/{id}")
    ResponseEntity<DepartmentSummary> get(@PathVariable UUID id) {
        DepartmentSummary department = organization.department(id);
        return ApiVersions.ok(department, department.version());
    }

    @PostMapping
    ResponseEntity<?> create(@Valid @RequestBody DepartmentDraft draft,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "/api/v1/departments", () -> {
            DepartmentSummary created = organization.createDepartment(draft);
            return ResponseEntity.created(URI.create("/api/v1/departments/" + created.id())).body(created);
        });
    }

    @PutMapping("/{id}")
    ResponseEntity<DepartmentSummary> update(@PathVariable UUID id, @Valid @RequestBody DepartmentDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        DepartmentSummary updated = organization.updateDepartment(id, new DepartmentDraft(draft.name(),
                draft.parentId(), draft.coordinatorId(), draft.sortOrder(), expected.version()),
                expected.fromIfMatch());
        return ApiVersions.ok(updated, updated.version());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an empty department (no sub-departments, no users)")
    void delete(@PathVariable UUID id) {
        organization.deleteDepartment(id);
    }
}
