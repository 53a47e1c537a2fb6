package org.openloop.crm.organization.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface Users extends JpaRepository<UserAccount, UUID>, JpaSpecificationExecutor<UserAccount> {

    Optional<UserAccount> findByUsernameIgnoreCase(String username);

    boolean existsByUsernameIgnoreCase(String username);

    boolean existsByDepartmentId(UUID departmentId);

    boolean existsByRolesId(UUID roleId);

    @Query("select u.id as id, u.displayName as displayName from UserAccount u where u.id in :ids")
    List<IdAndName> findNamesByIdIn(Collection<UUID> ids);

    interface IdAndName {
        UUID getId();

        String getDisplayName();
    }
}
