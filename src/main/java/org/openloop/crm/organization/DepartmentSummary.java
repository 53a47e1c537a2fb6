package org.openloop.crm.organization;

import java.util.UUID;

/** A department with its place in the tree ({@code depth} 0 for top level) and member count. */
public record DepartmentSummary(UUID id, String name, UUID parentId, UUID coordinatorId, String coordinatorName,
        int sortOrder, int depth, long memberCount, long version) {
}
