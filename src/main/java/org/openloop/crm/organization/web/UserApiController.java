package org.openloop.crm.organization.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.organization.UserDraft;
import org.openloop.crm.organization.UserSummary;
import org.openloop.crm.platform.ApiVersions;
import org.openloop.crm.platform.IdempotentCreates;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
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
import jakarta.validation.Valid;

/** Users over REST (A1). Users are deactivated, never deleted, so there is no DELETE. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Organisation")
class UserApiController {

    private final OrganizationManagement organization;
    private final IdempotentCreates idempotent;

    UserApiController(OrganizationManagement organization, IdempotentCreates idempotent) {
        this.organization = organization;
        this.idempotent = idempotent;
    }

    @GetMapping
    @Operation(summary = "List users", description = "Keyset paging with cursor and size (max 100); sort by "
            + "username, displayName or createdAt (prefix - for descending); filters departmentId, active, email, "
            + "phone; q searches name, username, e-mail and phone.")
    CursorPage<UserSummary> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return organization.users(ListRequest.from(parameters));
    }

    @GetMapping("/{id}")
    ResponseEntity<UserSummary> get(@PathVariable UUID id) {
        UserSummary user = organization.user(id);
        return ApiVersions.ok(user, user.version());
    }

    @PostMapping
    @Operation(summary = "Create a user", description = "Honours the Idempotency-Key header.")
    ResponseEntity<?> create(@Valid @RequestBody UserDraft draft,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "/api/v1/users", () -> {
            UserSummary created = organization.createUser(draft);
            return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).eTag(etag(created))
                    .body(created);
        });
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a user", description = "Send the version you read in the body or as If-Match; "
            + "a stale version answers 409 (body) or 412 (If-Match).")
    ResponseEntity<UserSummary> update(@PathVariable UUID id, @Valid @RequestBody UserDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        UserDraft versioned = new UserDraft(draft.username(), draft.displayName(), draft.email(), draft.phone(),
                draft.departmentId(), draft.managerId(), draft.roleIds(), draft.password(), expected.version());
        UserSummary updated = organization.updateUser(id, versioned, expected.fromIfMatch());
        return ApiVersions.ok(updated, updated.version());
    }

    @PostMapping("/{id}/deactivate")
    @Operation(summary = "Deactivate a user: no more sign-in or API access; records stay")
    UserSummary deactivate(@PathVariable UUID id) {
        return organization.setActive(id, false);
    }

    @PostMapping("/{id}/reactivate")
    UserSummary reactivate(@PathVariable UUID id) {
        return organization.setActive(id, true);
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "The user's audit history, newest first")
    CursorPage<AuditEntry> history(@PathVariable UUID id,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return organization.userHistory(id, ListRequest.from(parameters));
    }

    private static String etag(UserSummary user) {
        return "\"" + user.version() + "\"";
    }
}
