package org.openloop.crm.organization;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.organization.internal.Department;
import org.openloop.crm.organization.internal.Departments;
import org.openloop.crm.organization.internal.Role;
import org.openloop.crm.organization.internal.Roles;
import org.openloop.crm.organization.internal.UserAccount;
import org.openloop.crm.organization.internal.OrganizationCache;
import org.openloop.crm.organization.internal.Users;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.InvalidQueryException;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.shared.ListQuery.Match;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.SensitiveData;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users, departments and roles (A1, A2). Every method declares the permission it needs; every user read model passes
 * through {@link SensitiveData} so e-mail and phone are masked alike in pages, API and exports.
 */
@Service
public class OrganizationManagement {

    static final String MODULE = "organization";

    static final ListQuery<UserAccount> USER_QUERY = ListQuery.of(UserAccount.class)
            .sortable("username", String.class)
            .sortable("displayName", String.class)
            .sortable("createdAt", java.time.Instant.class)
            .filter("departmentId", UUID.class, Match.EQUALS)
            .filter("active", Boolean.class, Match.EQUALS)
            .filter("email", String.class, Match.CONTAINS)
            .filter("phone", String.class, Match.CONTAINS)
            .searchable("username")
            .searchable("displayName")
            .searchable("email")
            .searchable("phone")
            .defaultSort("displayName")
            .build();

    private final Users users;
    private final Departments departments;
    private final Roles roles;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final OrganizationCache cache;

    OrganizationManagement(Users users, Departments departments, Roles roles, PasswordEncoder passwords,
            AuditTrail audit, Clock clock, OrganizationCache cache) {
        this.users = users;
        this.cache = cache;
        this.departments = departments;
        this.roles = roles;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    // --- users -------------------------------------------------------------------------------------------------

    /**
     * Users matching {@code request}; besides the filters of {@link #USER_QUERY} it accepts {@code roleId} (users
     * holding that role), which needs a join the generic list query does not express.
     */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<UserSummary> users(ListRequest request) {
        CursorPage<UserAccount> page = USER_QUERY.page(users, request, withRole(request.filters().get("roleId")));
        return summarise(page.items(), page.nextCursor());
    }

    private static Specification<UserAccount> withRole(String rawRoleId) {
        if (rawRoleId == null || rawRoleId.isBlank()) {
            return Specification.unrestricted();
        }
        UUID roleId;
        try {
            roleId = UUID.fromString(rawRoleId.trim());
        }
        catch (IllegalArgumentException e) {
            throw new InvalidQueryException("roleId", "query.filter.invalid", "roleId");
        }
        return (root, query, cb) -> {
            var holders = query.subquery(UUID.class);
            var holder = holders.from(UserAccount.class);
            var role = holder.join("roles");
            holders.select(holder.get("id")).where(cb.equal(holder.get("id"), root.get("id")),
                    cb.equal(role.get("id"), roleId));
            return cb.exists(holders);
        };
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public UserSummary user(UUID id) {
        return summarise(List.of(findUser(id)), null).items().get(0);
    }

    /** The audit history of a user (A6), for readers of the organisation. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<AuditEntry> userHistory(UUID id, ListRequest request) {
        findUser(id);
        return audit.historyOf("user", id, request);
    }

    /**
     * The signed-in user's own account, for the profile page; needs no permission. Their own e-mail and phone are
     * not masked: the sensitive-field right protects other people's data, not a user's view of themselves.
     */
    @Transactional(readOnly = true)
    public UserSummary ownAccount() {
        UUID id = org.openloop.crm.shared.CrmPrincipal.current().map(org.openloop.crm.shared.CrmPrincipal::userId)
                .orElseThrow(() -> new RecordNotFoundException("user", null));
        UserAccount u = findUser(id);
        String managerName = u.getManagerId() == null ? null : names(Set.of(u.getManagerId())).get(u.getManagerId());
        String departmentName = u.getDepartmentId() == null ? null
                : departments.findById(u.getDepartmentId()).map(Department::getName).orElse(null);
        return new UserSummary(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.getPhone(),
                u.getDepartmentId(), departmentName, u.getManagerId(), managerName, u.isActive(),
                codes(u.getRoles()).stream().sorted().toList(), u.getCreatedAt(), u.getVersion());
    }

    /** Active users for pickers (assignee, manager, coordinator). */
    @Transactional(readOnly = true)
    public List<UserSummary> activeUsers() {
        Specification<UserAccount> active = (root, query, cb) -> cb.isTrue(root.get("active"));
        return summarise(users.findAll(active, org.springframework.data.domain.Sort.by("displayName")), null).items();
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "create")
    public UserSummary createUser(UserDraft draft) {
        if (draft.username() == null) {
            throw BusinessRuleException.onField("username", "user.username.required");
        }
        if (draft.password() == null) {
            throw BusinessRuleException.onField("password", "user.password.required");
        }
        if (users.existsByUsernameIgnoreCase(draft.username())) {
            throw BusinessRuleException.conflict("username", "user.username.taken", draft.username());
        }
        UserAccount user = new UserAccount(draft.username(), passwords.encode(draft.password()), clock.instant());
        apply(user, draft);
        users.save(user);
        return user(user.getId());
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public UserSummary updateUser(UUID id, UserDraft draft, boolean versionFromIfMatch) {
        UserAccount user = findUser(id);
        VersionConflictException.check("user", id, draft.version(), user.getVersion(), versionFromIfMatch);
        Set<String> before = codes(user.getRoles());
        apply(user, draft);
        if (draft.password() != null) {
            user.changePassword(passwords.encode(draft.password()), clock.instant());
            audit.record(AuditAction.UPDATE, "user", id, "password", null, null, "password reset by administrator");
        }
        Set<String> after = codes(user.getRoles());
        if (!before.equals(after)) {
            audit.record(AuditAction.PERMISSION_CHANGE, "user", id, "roles", before.toString(), after.toString(), null);
        }
        users.flush();
        return user(id);
    }

    /** Deactivates a user: they can no longer sign in and their tokens stop working; their records stay. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public UserSummary setActive(UUID id, boolean active) {
        UserAccount user = findUser(id);
        if (!active && user.getId().equals(org.openloop.crm.shared.CrmPrincipal.current()
                .map(org.openloop.crm.shared.CrmPrincipal::userId).orElse(null))) {
            throw BusinessRuleException.onField("active", "user.deactivate.self");
        }
        user.setActive(active, clock.instant());
        users.flush();
        return user(id);
    }

    /** A user changes their own password; the current one must be given. */
    @Transactional
    public void changeOwnPassword(UUID userId, String currentPassword, String newPassword) {
        UserAccount user = findUser(userId);
        if (currentPassword == null || !passwords.matches(currentPassword, user.getPasswordHash())) {
            throw BusinessRuleException.onField("currentPassword", "password.current.wrong");
        }
        if (newPassword == null || newPassword.length() < 8 || newPassword.length() > 100) {
            throw BusinessRuleException.onField("newPassword", "user.password.size");
        }
        user.changePassword(passwords.encode(newPassword), clock.instant());
        audit.record(AuditAction.UPDATE, "user", userId, "password", null, null, "password changed by its owner");
    }

    private void apply(UserAccount user, UserDraft draft) {
        if (draft.departmentId() != null && !departments.existsById(draft.departmentId())) {
            throw BusinessRuleException.onField("departmentId", "department.unknown");
        }
        if (draft.managerId() != null) {
            if (draft.managerId().equals(user.getId())) {
                throw BusinessRuleException.onField("managerId", "user.manager.self");
            }
            UserAccount manager = users.findById(draft.managerId())
                    .orElseThrow(() -> BusinessRuleException.onField("managerId", "user.manager.unknown"));
            if (createsManagerCycle(user.getId(), manager)) {
                throw BusinessRuleException.onField("managerId", "user.manager.cycle");
            }
        }
        List<Role> chosen = roles.findAllById(draft.roleIds());
        if (chosen.size() != draft.roleIds().size() || chosen.isEmpty()) {
            throw BusinessRuleException.onField("roleIds", "user.roles.required");
        }
        // A reader without sensitive:view saw the mask; sending it back unchanged keeps the stored value (A4).
        String email = SensitiveData.keepIfMasked("email", MaskStyle.EMAIL, draft.email(), user.getEmail());
        String phone = SensitiveData.keepIfMasked("phone", MaskStyle.PHONE, draft.phone(), user.getPhone());
        user.update(draft.displayName().trim(), email, phone, draft.departmentId(), draft.managerId(),
                new HashSet<>(chosen), clock.instant());
    }

    private boolean createsManagerCycle(UUID userId, UserAccount manager) {
        Set<UUID> seen = new HashSet<>();
        UserAccount current = manager;
        while (current != null && seen.add(current.getId())) {
            if (current.getId().equals(userId)) {
                return true;
            }
            current = current.getManagerId() == null ? null : users.findById(current.getManagerId()).orElse(null);
        }
        return false;
    }

    private UserAccount findUser(UUID id) {
        return users.findById(id).orElseThrow(() -> new RecordNotFoundException("user", id));
    }

    private CursorPage<UserSummary> summarise(List<UserAccount> accounts, String nextCursor) {
        Set<UUID> managerIds = accounts.stream().map(UserAccount::getManagerId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Map<UUID, String> managerNames = names(managerIds);
        Map<UUID, String> departmentNames = departments.findAll().stream()
                .collect(Collectors.toMap(Department::getId, Department::getName));
        List<UserSummary> summaries = accounts.stream()
                .map(u -> SensitiveData.mask(new UserSummary(u.getId(), u.getUsername(), u.getDisplayName(),
                        u.getEmail(), u.getPhone(), u.getDepartmentId(), departmentNames.get(u.getDepartmentId()),
                        u.getManagerId(), managerNames.get(u.getManagerId()), u.isActive(),
                        codes(u.getRoles()).stream().sorted().toList(), u.getCreatedAt(), u.getVersion())))
                .toList();
        return new CursorPage<>(summaries, nextCursor);
    }

    /** Display names of the given users, for modules that show who owns what. */
    public Map<UUID, String> names(Collection<UUID> userIds) {
        return userIds.isEmpty() ? new HashMap<>() : new HashMap<>(cache.names(userIds));
    }

    /**
     * The e-mail address of an active user, for messages the system sends to that user (notifications). Not for
     * display: other people's addresses are shown through the masked read models.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> emailOf(UUID userId) {
        return users.findById(userId).filter(UserAccount::isActive).map(UserAccount::getEmail)
                .filter(email -> !email.isBlank());
    }

    private static Set<String> codes(Collection<Role> roles) {
        return roles.stream().map(Role::getCode).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    // --- departments -------------------------------------------------------------------------------------------

    /** The whole tree, depth-first in display order. Readable by every signed-in user (pickers, org chart). */
    @Transactional(readOnly = true)
    public List<DepartmentSummary> departmentTree() {
        List<Department> all = departments.findAllByOrderBySortOrderAscNameAsc();
        Map<UUID, Long> members = users.findAll().stream().filter(UserAccount::isActive)
                .filter(u -> u.getDepartmentId() != null)
                .collect(Collectors.groupingBy(UserAccount::getDepartmentId, Collectors.counting()));
        Map<UUID, String> coordinatorNames = names(all.stream().map(Department::getCoordinatorId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        Map<UUID, List<Department>> children = new HashMap<>();
        all.forEach(d -> children.computeIfAbsent(d.getParentId(), k -> new ArrayList<>()).add(d));
        List<DepartmentSummary> ordered = new ArrayList<>();
        walk(null, 0, children, members, coordinatorNames, ordered, new HashSet<>());
        return ordered;
    }

    private void walk(UUID parent, int depth, Map<UUID, List<Department>> children, Map<UUID, Long> members,
            Map<UUID, String> coordinatorNames, List<DepartmentSummary> out, Set<UUID> seen) {
        for (Department d : children.getOrDefault(parent, List.of())) {
            if (!seen.add(d.getId())) {
                continue;
            }
            out.add(new DepartmentSummary(d.getId(), d.getName(), d.getParentId(), d.getCoordinatorId(),
                    coordinatorNames.get(d.getCoordinatorId()), d.getSortOrder(), depth,
                    members.getOrDefault(d.getId(), 0L), d.getVersion()));
            walk(d.getId(), depth + 1, children, members, coordinatorNames, out, seen);
        }
    }

    @Transactional(readOnly = true)
    public DepartmentSummary department(UUID id) {
        return departmentTree().stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("department", id));
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "create")
    public DepartmentSummary createDepartment(DepartmentDraft draft) {
        Department department = new Department(draft.name().trim(), null, clock.instant());
        applyDepartment(department, draft);
        departments.save(department);
        return department(department.getId());
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public DepartmentSummary updateDepartment(UUID id, DepartmentDraft draft, boolean versionFromIfMatch) {
        Department department = departments.findById(id)
                .orElseThrow(() -> new RecordNotFoundException("department", id));
        VersionConflictException.check("department", id, draft.version(), department.getVersion(),
                versionFromIfMatch);
        applyDepartment(department, draft);
        departments.flush();
        return department(id);
    }

    /** Removes an empty department (no sub-departments, no users, active or not). */
    @Transactional
    @RequiresPermission(module = MODULE, action = "delete")
    public void deleteDepartment(UUID id) {
        Department department = departments.findById(id)
                .orElseThrow(() -> new RecordNotFoundException("department", id));
        if (departments.existsByParentId(id) || users.existsByDepartmentId(id)) {
            throw BusinessRuleException.conflict("id", "department.notEmpty");
        }
        departments.delete(department);
    }

    private void applyDepartment(Department department, DepartmentDraft draft) {
        UUID parentId = draft.parentId();
        if (parentId != null) {
            if (!departments.existsById(parentId)) {
                throw BusinessRuleException.onField("parentId", "department.unknown");
            }
            if (DepartmentTree.of(departments.findAll()).subtree(department.getId()).contains(parentId)) {
                throw BusinessRuleException.onField("parentId", "department.parent.cycle");
            }
        }
        if (draft.coordinatorId() != null && !users.existsById(draft.coordinatorId())) {
            throw BusinessRuleException.onField("coordinatorId", "user.unknown");
        }
        department.update(draft.name().trim(), parentId, draft.coordinatorId(), draft.sortOrder(), clock.instant());
    }

    // --- roles -------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<RoleSummary> roles() {
        Map<UUID, Long> counts = new HashMap<>();
        users.findAll().forEach(u -> u.getRoles().forEach(r -> counts.merge(r.getId(), 1L, Long::sum)));
        return roles.findAllByOrderByBuiltInDescCodeAsc().stream()
                .map(r -> summary(r, counts.getOrDefault(r.getId(), 0L))).toList();
    }

    /** Roles for pickers; every signed-in user may list them. */
    @Transactional(readOnly = true)
    public List<RoleSummary> roleChoices() {
        return roles.findAllByOrderByBuiltInDescCodeAsc().stream().map(r -> summary(r, 0)).toList();
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public RoleSummary role(UUID id) {
        return roles().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("role", id));
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "create")
    public RoleSummary createRole(RoleDraft draft) {
        if (draft.code() == null) {
            throw BusinessRuleException.onField("code", "role.code.pattern");
        }
        if (roles.findByCode(draft.code()).isPresent()) {
            throw BusinessRuleException.conflict("code", "role.code.taken", draft.code());
        }
        Role role = new Role(draft.code(), draft.name().trim(), false, clock.instant());
        applyRole(role, draft);
        roles.save(role);
        return role(role.getId());
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public RoleSummary updateRole(UUID id, RoleDraft draft, boolean versionFromIfMatch) {
        Role role = roles.findById(id).orElseThrow(() -> new RecordNotFoundException("role", id));
        VersionConflictException.check("role", id, draft.version(), role.getVersion(), versionFromIfMatch);
        if (role.getCode().equals(BuiltInRoles.ADMIN)) {
            throw BusinessRuleException.onField("code", "role.admin.fixed");
        }
        Set<String> before = role.getPermissions();
        applyRole(role, draft);
        if (!before.equals(Set.copyOf(draft.permissions()))) {
            audit.record(AuditAction.PERMISSION_CHANGE, "role", id, "permissions",
                    new java.util.TreeSet<>(before).toString(),
                    new java.util.TreeSet<>(draft.permissions()).toString(), null);
        }
        roles.flush();
        return role(id);
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "delete")
    public void deleteRole(UUID id) {
        Role role = roles.findById(id).orElseThrow(() -> new RecordNotFoundException("role", id));
        if (role.isBuiltIn()) {
            throw BusinessRuleException.conflict("code", "role.builtIn.delete");
        }
        if (users.existsByRolesId(id)) {
            throw BusinessRuleException.conflict("code", "role.inUse");
        }
        roles.delete(role);
    }

    private void applyRole(Role role, RoleDraft draft) {
        Optional<String> unknown = draft.permissions().stream().filter(p -> !PermissionCatalog.isKnown(p)).findFirst();
        if (unknown.isPresent()) {
            throw BusinessRuleException.onField("permissions", "role.permission.unknown", unknown.get());
        }
        role.update(draft.name().trim(), draft.dataScope(), draft.viewSensitive(), draft.permissions(),
                clock.instant());
    }

    private static RoleSummary summary(Role role, long userCount) {
        return new RoleSummary(role.getId(), role.getCode(), role.getName(), role.isBuiltIn(), role.getDataScope(),
                role.isViewSensitive(), new java.util.TreeSet<>(role.getPermissions()), userCount, role.getVersion());
    }
}
