package org.openloop.crm.organization.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.organization.PermissionCatalog;
import org.openloop.crm.organization.RoleDraft;
import org.openloop.crm.organization.RoleSummary;
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

/** Roles and their permissions over REST (A2, A3). */
@RestController
@RequestMapping("/api/v1/roles")
@Tag(name = "Organisation")
class RoleApiController {

    private final OrganizationManagement organization;
    private final IdempotentCreates idempotent;

    RoleApiController(OrganizationManagement organization, IdempotentCreates idempotent) {
        this.organization = organization;
        this.idempotent = idempotent;
    }

    @GetMapping
    List<RoleSummary> list() {
        return organization.roles();
    }

    @GetMapping("/permissions")
    @Operation(summary = "Every permission a role can hold (module:action)")
    List<String> permissions() {
        return PermissionCatalog.all();
    }

    @GetMapping("/{id}")
    ResponseEntity<RoleSummary> get(@PathVariable UUID id) {
        RoleSummary role = organization.role(id);
        return ApiVersions.ok(role, role.version());
    }

    @PostMapping
    ResponseEntity<?> create(@Valid @RequestBody RoleDraft draft,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "/api/v1/roles", () -> {
            RoleSummary created = organization.createRole(draft);
            return ResponseEntity.created(URI.create("/api/v1/roles/" + created.id())).body(created);
        });
    }

    @PutMapping("/{id}")
    ResponseEntity<RoleSummary> update(@PathVariable UUID id, @Valid @RequestBody RoleDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        RoleSummary updated = organization.updateRole(id, new RoleDraft(draft.code(), draft.name(),
                draft.dataScope(), draft.viewSensitive(), draft.permissions(), expected.version()),
                expected.fromIfMatch());
        return ApiVersions.ok(updated, updated.version());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        organization.deleteRole(id);
    }
}
