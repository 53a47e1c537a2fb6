package org.openloop.crm.platform;

import java.util.List;

import org.openloop.crm.shared.CappedCount;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/**
 * Capped counts for list pages and the API (K3). Instead of {@code count(*)} over everything that matches, it reads at
 * most {@code cap + 1} ids through the same specification the list uses (filters and data scope), so the cost is
 * bounded by the cap, not by the table.
 */
@Component
public class ListCounts {

    private final EntityManager entityManager;
    private final int cap;

    public ListCounts(EntityManager entityManager, @Value("${crm.list.count-cap:10000}") int cap) {
        this.entityManager = entityManager;
        this.cap = cap;
    }

    /** Must run inside a transaction (the calling facade's read-only one). */
    public <T> CappedCount count(Class<T> entityType, Specification<T> specification) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Object> query = cb.createQuery(Object.class);
        Root<T> root = query.from(entityType);
        Predicate predicate = specification == null ? null : specification.toPredicate(root, query, cb);
        query.select(root.get("id"));
        if (predicate != null) {
            query.where(predicate);
        }
        List<Object> ids = entityManager.createQuery(query).setMaxResults(cap + 1).getResultList();
        return ids.size() > cap ? new CappedCount(cap, true) : new CappedCount(ids.size(), false);
    }
}
