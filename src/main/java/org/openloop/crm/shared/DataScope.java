package org.openloop.crm.shared;

import java.util.Set;
import java.util.UUID;

import org.springframework.data.jpa.domain.Specification;

import jakarta.persistence.criteria.Predicate;

/**
 * What a user may see (A3): the records they own, plus the records of the departments in {@link #departmentIds()},
 * or everything for {@link Level#COMPANY}. Computed once per request by the organisation module and applied by
 * {@link ScopedRepository} to every query, so lists, search, counts, detail, export and downloads agree.
 */
public record DataScope(Level level, UUID userId, Set<UUID> departmentIds) {

    public enum Level {
        /** 个人: only records the user owns. */
        OWN,
        /** 团队: records of the user's own department. */
        DEPARTMENT,
        /** Records of the user's department and every department below it. */
        DEPARTMENT_TREE,
        /** 全公司: everything. */
        COMPANY
    }

    public DataScope {
        departmentIds = departmentIds == null ? Set.of() : Set.copyOf(departmentIds);
    }

    /** A scope that sees nothing: used for anonymous and system-less contexts so a mistake fails closed. */
    public static DataScope nothing() {
        return new DataScope(Level.OWN, new UUID(0, 0), Set.of());
    }

    public static DataScope company(UUID userId) {
        return new DataScope(Level.COMPANY, userId, Set.of());
    }

    public boolean allows(OwnedRecord record) {
        return allows(record.getOwnerId(), record.getDepartmentId());
    }

    public boolean allows(UUID ownerId, UUID departmentId) {
        if (level == Level.COMPANY) {
            return true;
        }
        if (userId.equals(ownerId)) {
            return true;
        }
        return departmentId != null && departmentIds.contains(departmentId);
    }

    /** The JPA predicate equivalent of {@link #allows(UUID, UUID)}. */
    public <T> Specification<T> toSpecification() {
        return (root, query, cb) -> {
            if (level == Level.COMPANY) {
                return cb.conjunction();
            }
            Predicate own = cb.equal(root.get(OwnedRecord.OWNER_ATTRIBUTE), userId);
            if (departmentIds.isEmpty()) {
                return own;
            }
            return cb.or(own, root.get(OwnedRecord.DEPARTMENT_ATTRIBUTE).in(departmentIds));
        };
    }
}
