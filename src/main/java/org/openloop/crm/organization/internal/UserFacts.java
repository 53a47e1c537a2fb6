package org.openloop.crm.organization.internal;

import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.openloop.crm.shared.DataScope;

/**
 * What authentication and access checks need to know about a user, read once and cached
 * ({@link OrganizationCache}) instead of loading the account and its roles on every request.
 */
public record UserFacts(UUID id, String username, String displayName, boolean active, UUID departmentId,
        DataScope.Level widestScope, Set<String> permissions, Set<String> roleCodes, boolean viewSensitive) {

    static UserFacts of(UserAccount user) {
        Set<String> permissions = new TreeSet<>();
        Set<String> codes = new TreeSet<>();
        boolean sensitive = false;
        for (Role role : user.getRoles()) {
            permissions.addAll(role.getPermissions());
            codes.add(role.getCode());
            sensitive |= role.isViewSensitive();
        }
        DataScope.Level scope = user.getRoles().stream().map(Role::getDataScope).max(Comparator.naturalOrder())
                .orElse(DataScope.Level.OWN);
        return new UserFacts(user.getId(), user.getUsername(), user.getDisplayName(), user.isActive(),
                user.getDepartmentId(), scope, Set.copyOf(permissions), Set.copyOf(codes), sensitive);
    }
}
