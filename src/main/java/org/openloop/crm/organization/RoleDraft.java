package org.openloop.crm.organization;

import java.util.Set;

import org.openloop.crm.shared.DataScope;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator may set on a role; {@code code} applies on creation only. */
public record RoleDraft(
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,49}", message = "{role.code.pattern}") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull DataScope.Level dataScope,
        Boolean viewSensitive,
        Set<String> permissions,
        Long version) {

    public RoleDraft {
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
        viewSensitive = Boolean.TRUE.equals(viewSensitive);
    }
}
