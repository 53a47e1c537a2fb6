package org.openloop.crm.shared;

import java.util.Optional;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * Base repository for {@link OwnedRecord}s. Every read a user triggers goes through the {@code *Visible} methods, so
 * data scope (A3) is applied in one place for detail, lists, search, counts, export and downloads. A record outside
 * the scope is indistinguishable from a missing one.
 */
@NoRepositoryBean
public interface ScopedRepository<T extends OwnedRecord, ID> extends JpaRepository<T, ID>, JpaSpecificationExecutor<T> {

    default Optional<T> findVisible(ID id, DataScope scope) {
        Specification<T> byId = (root, query, cb) -> cb.equal(root.get("id"), id);
        return findOne(byId.and(scope.toSpecification()));
    }

    /** The record if the scope allows it; otherwise {@link RecordNotFoundException} (404). */
    default T getVisible(ID id, DataScope scope, String type) {
        return findVisible(id, scope).orElseThrow(() -> new RecordNotFoundException(type, id));
    }

    default CursorPage<T> pageVisible(ListQuery<T> definition, ListRequest request, DataScope scope) {
        return definition.page(this, request, scope.toSpecification());
    }

    default long countVisible(Specification<T> specification, DataScope scope) {
        return count(specification.and(scope.toSpecification()));
    }
}
