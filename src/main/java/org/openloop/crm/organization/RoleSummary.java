package org.openloop.crm.organization;

import java.util.Set;
import java.util.UUID;

import org.openloop.crm.shared.DataScope;

/** A role with its permissions ({@code module:action}), data scope and sensitive-field right. */
public record RoleSummary(UUID id, String code, String name, boolean builtIn, DataScope.Level dataScope,
        boolean viewSensitive, Set<String> permissions, long userCount, long version) {

    /** Whether this is the administrator role, which always holds every permission and cannot be changed. */
    public boolean administrator() {
        return BuiltInRoles.ADMIN.equals(code);
    }
}
