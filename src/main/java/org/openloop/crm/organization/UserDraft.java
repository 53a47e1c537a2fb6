package org.openloop.crm.organization;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator may set on a user. Username and password apply on creation only; {@code active} and the
 * audit fields are never taken from input.
 */
public record UserDraft(
        @Pattern(regexp = "[A-Za-z0-9._-]{3,50}", message = "{user.username.pattern}") String username,
        @NotBlank @Size(max = 100) String displayName,
        @Email @Size(max = 200) String email,
        // The second and third alternatives are masks (138****5678, ****) sent back unchanged by a reader without
        // sensitive:view; OrganizationManagement keeps the stored value for them.
        @Pattern(regexp = "\\+?[0-9][0-9 -]{5,30}|[0-9+]{3}\\*{4}[0-9]{4}|\\*{4}",
                message = "{user.phone.pattern}") String phone,
        UUID departmentId,
        UUID managerId,
        @NotNull @Size(min = 1, message = "{user.roles.required}") Set<UUID> roleIds,
        @Size(min = 8, max = 100, message = "{user.password.size}") String password,
        Long version) {

    public UserDraft {
        roleIds = roleIds == null ? Set.of() : Set.copyOf(roleIds);
        email = blankToNull(email);
        phone = blankToNull(phone);
        password = blankToNull(password);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
