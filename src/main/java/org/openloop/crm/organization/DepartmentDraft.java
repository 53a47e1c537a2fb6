package org.openloop.crm.organization;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an administrator may set on a department. */
public record DepartmentDraft(@NotBlank @Size(max = 100) String name, UUID parentId, UUID coordinatorId,
        Integer sortOrder, Long version) {

    public DepartmentDraft {
        sortOrder = sortOrder == null ? 0 : sortOrder;
    }
}
