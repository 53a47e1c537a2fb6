package org.openloop.crm.shared;

import java.util.UUID;

/**
 * A record that belongs to a user and a department, and is therefore subject to data scope (A3). Entities expose
 * the two attributes {@code ownerId} and {@code departmentId}; {@link DataScope} predicates are written against them.
 */
public interface OwnedRecord {

    String OWNER_ATTRIBUTE = "ownerId";
    String DEPARTMENT_ATTRIBUTE = "departmentId";

    UUID getOwnerId();

    UUID getDepartmentId();
}
