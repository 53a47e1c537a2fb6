package org.openloop.crm.organization;

import java.util.Set;
import java.util.UUID;

import org.openloop.crm.organization.internal.OrganizationCache;
import org.openloop.crm.organization.internal.UserFacts;
import org.openloop.crm.shared.Authorities;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.DataScope;
import org.springframework.stereotype.Service;

/**
 * Answers "what may this user see" (A3) and "may this record go to that user" (A5) for every module. A user with
 * several roles gets the widest scope among them.
 */
@Service
public class AccessControl {

    private final OrganizationCache cache;

    AccessControl(OrganizationCache cache) {
        this.cache = cache;
    }

    /** The signed-in user's scope; a request without a user sees nothing. */
    public DataScope currentScope() {
        return CrmPrincipal.current().map(p -> scopeOf(p.userId())).orElseGet(DataScope::nothing);
    }

    public DataScope scopeOf(UUID userId) {
        UserFacts user = cache.user(userId).orElse(null);
        if (user == null || !user.active()) {
            return DataScope.nothing();
        }
        DataScope.Level level = user.widestScope();
        Set<UUID> visibleDepartments = switch (level) {
            case OWN, COMPANY -> Set.of();
            case DEPARTMENT -> user.departmentId() == null ? Set.of() : Set.of(user.departmentId());
            case DEPARTMENT_TREE -> DepartmentTree.of(cache.departments()).subtree(user.departmentId());
        };
        return new DataScope(level, userId, visibleDepartments);
    }

    /** Whether the user holds a module permission, e.g. {@code hasPermission(id, "customer", Action.EDIT)}. */
    public boolean hasPermission(UUID userId, String module, Authorities.Action action) {
        String permission = Authorities.permission(module, action);
        return cache.user(userId).filter(UserFacts::active).map(u -> u.permissions().contains(permission))
                .orElse(false);
    }

    /**
     * The assignment check (A5): a record of {@code module} that would belong to {@code ownerId} in
     * {@code departmentId} may go to {@code targetUserId} only if that user is active, holds view and edit on the
     * module and would see the record within their scope. Refuses with a message naming the reason.
     */
    public void checkAssignable(String module, UUID targetUserId, UUID ownerId, UUID departmentId) {
        UserFacts target = cache.user(targetUserId)
                .orElseThrow(() -> BusinessRuleException.onField("assigneeId", "assignment.refused.unknown"));
        if (!target.active()) {
            throw BusinessRuleException.onField("assigneeId", "assignment.refused.inactive", target.displayName());
        }
        if (!hasPermission(targetUserId, module, Authorities.Action.VIEW)
                || !hasPermission(targetUserId, module, Authorities.Action.EDIT)) {
            throw BusinessRuleException.onField("assigneeId", "assignment.refused.permission",
                    target.displayName());
        }
        if (!scopeOf(targetUserId).allows(ownerId, departmentId)) {
            throw BusinessRuleException.onField("assigneeId", "assignment.refused.scope", target.displayName());
        }
    }

    /**
     * The assignment check (A5) for handing a record of {@code module} over to {@code assigneeId}, who will own it in
     * their own department: refused as {@link #checkAssignable} refuses, and as unknown when nobody is named.
     * Answers that department.
     */
    public UUID checkHandOver(String module, UUID assigneeId) {
        if (assigneeId == null) {
            throw BusinessRuleException.onField("assigneeId", "assignment.refused.unknown");
        }
        UUID department = departmentOf(assigneeId);
        checkAssignable(module, assigneeId, assigneeId, department);
        return department;
    }

    /** The department of a user, which a record they create or receive belongs to. */
    public UUID departmentOf(UUID userId) {
        return cache.user(userId).map(UserFacts::departmentId).orElse(null);
    }
}
