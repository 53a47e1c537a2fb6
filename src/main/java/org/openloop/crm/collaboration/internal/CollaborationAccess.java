package org.openloop.crm.collaboration.internal;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.DataScope;
import org.openloop.crm.shared.RecordNotFoundException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

/**
 * Who sees a collaboration task (E1, A3): its initiator, the people asked, members and coordinators of the
 * departments asked, and managers whose data scope covers the initiator's department or a department asked. The
 * same rule runs in Java ({@link Viewer#sees}) and as a query ({@link Viewer#specification}); anything else is a 404.
 */
@Component
public class CollaborationAccess {

    private static final UUID NOBODY = new UUID(0, 0);

    private final AccessControl access;
    private final OrganizationManagement organization;
    private final CollaborationTasks tasks;

    CollaborationAccess(AccessControl access, OrganizationManagement organization, CollaborationTasks tasks) {
        this.access = access;
        this.organization = organization;
        this.tasks = tasks;
    }

    /** A reader of tasks: their scope, department and the departments they coordinate. */
    public record Viewer(UUID userId, DataScope scope, UUID departmentId, Set<UUID> coordinated) {

        /** Departments whose asked tasks this reader sees: their own, coordinated and scoped ones. */
        public Set<UUID> askedDepartmentsSeen() {
            Set<UUID> all = new HashSet<>(scope.departmentIds());
            all.addAll(coordinated);
            if (departmentId != null) {
                all.add(departmentId);
            }
            return all;
        }

        /** Initiator, person asked, or member / coordinator of a department asked. */
        public boolean involved(CollaborationTask task) {
            if (userId.equals(task.getOwnerId()) || task.getAskedUserIds().contains(userId)) {
                return true;
            }
            return task.getAskedDepartmentIds().stream()
                    .anyMatch(d -> d.equals(departmentId) || coordinated.contains(d));
        }

        public boolean sees(CollaborationTask task) {
            if (NOBODY.equals(userId)) {
                return false;
            }
            return scope.allows(task) || involved(task)
                    || task.getAskedDepartmentIds().stream().anyMatch(scope.departmentIds()::contains);
        }

        public Specification<CollaborationTask> specification() {
            return (root, query, cb) -> {
                if (NOBODY.equals(userId)) {
                    return cb.disjunction();
                }
                if (scope.level() == DataScope.Level.COMPANY) {
                    return cb.conjunction();
                }
                java.util.List<Predicate> any = new java.util.ArrayList<>();
                any.add(cb.equal(root.get("ownerId"), userId));
                if (!scope.departmentIds().isEmpty()) {
                    any.add(root.get("departmentId").in(scope.departmentIds()));
                }
                any.add(root.get("id").in(askedUser(query, cb, userId)));
                Set<UUID> departments = askedDepartmentsSeen();
                if (!departments.isEmpty()) {
                    any.add(root.get("id").in(askedDepartment(query, cb, departments)));
                }
                return cb.or(any.toArray(Predicate[]::new));
            };
        }
    }

    static Subquery<UUID> askedUser(jakarta.persistence.criteria.CommonAbstractCriteria query,
            jakarta.persistence.criteria.CriteriaBuilder cb, UUID userId) {
        Subquery<UUID> ids = query.subquery(UUID.class);
        Root<CollaborationTask> t = ids.from(CollaborationTask.class);
        var user = t.join("askedUserIds");
        return ids.select(t.get("id")).where(cb.equal(user, userId));
    }

    static Subquery<UUID> askedDepartment(jakarta.persistence.criteria.CommonAbstractCriteria query,
            jakarta.persistence.criteria.CriteriaBuilder cb, Set<UUID> departments) {
        Subquery<UUID> ids = query.subquery(UUID.class);
        Root<CollaborationTask> t = ids.from(CollaborationTask.class);
        var department = t.join("askedDepartmentIds");
        return ids.select(t.get("id")).where(department.in(departments));
    }

    /** Tasks asked of {@code userId} in person. */
    public static Specification<CollaborationTask> askedOf(UUID userId) {
        return (root, query, cb) -> root.get("id").in(askedUser(query, cb, userId));
    }

    /** Tasks asked of one of {@code departments}. */
    public static Specification<CollaborationTask> askedOfDepartments(Set<UUID> departments) {
        return (root, query, cb) -> departments.isEmpty() ? cb.disjunction()
                : root.get("id").in(askedDepartment(query, cb, departments));
    }

    public Viewer viewer(UUID userId) {
        DataScope scope = access.scopeOf(userId);
        if (NOBODY.equals(scope.userId())) {
            return new Viewer(NOBODY, scope, null, Set.of());
        }
        Set<UUID> coordinated = organization.departmentTree().stream()
                .filter(d -> userId.equals(d.coordinatorId())).map(d -> d.id()).collect(Collectors.toSet());
        return new Viewer(userId, scope, access.departmentOf(userId), coordinated);
    }

    public Viewer currentViewer() {
        return viewer(currentUser());
    }

    public static UUID currentUser() {
        return CrmPrincipal.current().map(CrmPrincipal::userId).orElse(NOBODY);
    }

    /** The task if {@code viewer} sees it, otherwise 404. */
    public CollaborationTask visible(UUID id, Viewer viewer) {
        return find(id, viewer).orElseThrow(() -> new RecordNotFoundException("collaboration", id));
    }

    public Optional<CollaborationTask> find(UUID id, Viewer viewer) {
        return tasks.findById(id).filter(viewer::sees);
    }
}
