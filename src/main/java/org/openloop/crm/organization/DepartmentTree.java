package org.openloop.crm.organization;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.organization.internal.Department;

/** Parent → children index of the department tree, for subtree scopes (A3) and cycle checks. */
final class DepartmentTree {

    private final Map<UUID, List<UUID>> children = new HashMap<>();

    private DepartmentTree(Collection<Department> departments) {
        departments.forEach(d -> children.computeIfAbsent(d.getParentId(), k -> new java.util.ArrayList<>())
                .add(d.getId()));
    }

    static DepartmentTree of(Collection<Department> departments) {
        return new DepartmentTree(departments);
    }

    /** The department and everything below it. */
    Set<UUID> subtree(UUID root) {
        Set<UUID> result = new HashSet<>();
        if (root == null) {
            return result;
        }
        ArrayDeque<UUID> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            UUID next = queue.poll();
            if (result.add(next)) {
                queue.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return result;
    }
}
