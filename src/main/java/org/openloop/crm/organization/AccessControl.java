package org.openloop.crm.organization;

import java.util.Comparator;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.organization.internal.Departments;
import org.openloop.crm.organization.internal.Role;
import org.openloop.crm.organization.internal.UserAccount;
import org.openloop.crm.organization.internal.Users;
import org.openloop.crm.shared.Authorities;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.DataScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers "what may this user see" (A3) and "may this record go to that user" (A5) for every module. A user with
 * several roles gets the widest scope among them.
 */
@Service
public class AccessControl {

    private final Users users;
    private final Departments departments;

    AccessControl(Users users, Departments departments) {
        this.users = users;
        this.departments = departments;
    }

    /** The signed-in user's scope; a request without a user sees nothing. */
    @Transactional(readOnly = true)
    public DataScope currentScope() {
        return CrmPrincipal.current().map(p -> scopeOf(p.userId())).orElseGet(DataScope::nothing);
    }

    @Transactional(readOnly = true)
    public DataScope scopeOf(UUID userId) {
        UserAccount user = users.findById(userId).orElse(null);
        if (user == null || !user.isActive()) {
            return DataScope.nothing();
        }
        DataScope.Level level = user.getRoles().stream().map(Role::getDataScope)
                .max(Comparator.naturalOrder()).orElse(DataScope.Level.OWN);
        Set<UUID> visibleDepartments = switch (level) {
            case OWN, COMPANY -> Set.of();
            case DEPARTMENT -> user.getDepartmentId() == null ? Set.of() : Set.of(user.getDepartmentId());
            case DEPARTMENT_TREE -> DepartmentTree.of(departments.findAll()).subtree(user.getDepartmentId());
        };
        return new DataScope(level, userId, visibleDepartments);
    }

    /** Whether the user holds a module permission, e.g. {@code hasPermission(id, "customer", Action.EDIT)}. */
    @Transactional(readOnly = true)
    public boolean hasPermission(UUID userId, String module, Authorities.Action action) {
        String permission = Authorities.permission(module, action);
        return users.findById(userId).filter(UserAccount::isActive)
                .map(u -> u.getRoles().stream().anyMatch(r -> r.getPermissions().contains(permission)))
                .orElse(false);
    }

    /**
     * The assignment check (A5): a record of {@code module} that would belong to {@code ownerId} in
     * {@code departmentId} may go to {@code targetUserId} only if that user is active, holds view and edit on the
     * module and would see the record within their scope. Refuses with a message naming the reason.
     */
    @Transactional(readOnly = true)
    public void checkAssignable(String module, UUID targetUserId, UUID ownerId, UUID departmentId) {
        UserAccount target = users.findById(targetUserId)
                .orElseThrow(() -> BusinessRuleException.onField("assigneeId", "assignment.refused.unknown"));
        if (!target.isActive()) {
            throw BusinessRuleException.onField("assigneeId", "assignment.refused.inactive", target.getDisplayName());
        }
        if (!hasPermission(targetUserId, module, Authorities.Action.VIEW)
                || !hasPermission(targetUserId, module, Authorities.Action.EDIT)) {
            throw BusinessRuleException.onField("assigneeId", "assignment.refused.permission",
                    target.getDisplayName());
        }
        if (!scopeOf(targetUserId).allows(ownerId, departmentId)) {
            throw BusinessRuleException.onField("assigneeId", "assignment.refused.scope", target.getDisplayName());
        }
    }

    /** The department of a user, which a record they create or receive belongs to. */
    @Transactional(readOnly = true)
    public UUID departmentOf(UUID userId) {
        return users.findById(userId).map(UserAccount::getDepartmentId).orElse(null);
    }
}
