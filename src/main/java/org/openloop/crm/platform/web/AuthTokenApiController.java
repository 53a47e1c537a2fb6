package org.openloop.crm.platform.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.platform.ApiTokenManagement;
import org.openloop.crm.platform.CrmUserDetails;
import org.openloop.crm.shared.CrmPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Personal access tokens over the API. Creating one takes a username and password (and counts towards the login
 * lockout like the sign-in form); listing and revoking work on the caller's own tokens only.
 */
@RestController
@RequestMapping("/api/v1/auth/tokens")
@Tag(name = "Authentication")
class AuthTokenApiController {

    private final AuthenticationManager authentication;
    private final ApiTokenManagement tokens;
    private final ProblemResponses problems;

    AuthTokenApiController(AuthenticationManager authentication, ApiTokenManagement tokens,
            ProblemResponses problems) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.problems = problems;
    }

    record TokenRequest(@NotBlank String username, @NotBlank String password, @NotBlank @Size(max = 100) String name) {
    }

    @PostMapping
    @Operation(summary = "Create a personal access token with username and password; the token is shown only once")
    ResponseEntity<?> create(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        Authentication result;
        try {
            result = authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
        }
        catch (AuthenticationException e) {
            String key = e instanceof org.springframework.security.authentication.LockedException
                    ? "login.error.locked" : "login.error.bad";
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problems.problem(http, 401, key));
        }
        CrmUserDetails user = (CrmUserDetails) result.getPrincipal();
        ApiTokenManagement.CreatedToken token = tokens.create(user.userId(), request.name());
        return ResponseEntity.created(URI.create("/api/v1/auth/tokens/" + token.id())).body(token);
    }

    @GetMapping
    @Operation(summary = "The caller's own tokens (never the secret)")
    List<ApiTokenManagement.TokenSummary> list() {
        return tokens.list(currentUser());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the caller's tokens")
    void revoke(@PathVariable UUID id) {
        tokens.revoke(currentUser(), id);
    }

    private static UUID currentUser() {
        return CrmPrincipal.current().map(CrmPrincipal::userId).orElseThrow();
    }
}
