package org.openloop.crm.organization.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Departments extends JpaRepository<Department, UUID> {

    List<Department> findAllByOrderBySortOrderAscNameAsc();

    boolean existsByParentId(UUID parentId);
}
