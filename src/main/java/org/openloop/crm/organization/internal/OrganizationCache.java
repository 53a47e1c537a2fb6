package org.openloop.crm.organization.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.shared.ReferenceDataCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users, their display names and the departments, as every request reads them (authentication, data scope,
 * owner names), cached for {@code crm.cache.reference-ttl} (default 10 s). Any change of a user, role or department
 * through this instance drops the cache at once ({@link OrganizationCacheEviction}); other instances of a cluster
 * see it within the ttl.
 */
@Component
public class OrganizationCache {

    private static final String DEPARTMENTS = "departments";

    private final Users users;
    private final Departments departments;
    private final TransactionTemplate reads;
    private final ReferenceDataCache<UUID, UserFacts> facts;
    private final ReferenceDataCache<UUID, String> names;
    private final ReferenceDataCache<String, List<Department>> tree;

    OrganizationCache(Users users, Departments departments, PlatformTransactionManager transactions,
            @Value("${crm.cache.reference-ttl:10s}") Duration ttl) {
        this.users = users;
        this.departments = departments;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.facts = ReferenceDataCache.expiringAfter(ttl, 10_000);
        this.names = ReferenceDataCache.expiringAfter(ttl, 50_000);
        this.tree = ReferenceDataCache.expiringAfter(ttl, 1);
    }

    /** The user's facts, or empty if there is no such user. */
    public Optional<UserFacts> user(UUID userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(facts.get(userId,
                id -> reads.execute(status -> users.findById(id).map(UserFacts::of).orElse(null))));
    }

    /** Display names of the given users that exist. */
    public Map<UUID, String> names(Collection<UUID> userIds) {
        return names.getAll(userIds, missing -> reads.execute(status -> users.findNamesByIdIn(missing).stream()
                .collect(Collectors.toMap(Users.IdAndName::getId, Users.IdAndName::getDisplayName))));
    }

    /** Every department (read-only copies: for building the tree, not for changing). */
    public List<Department> departments() {
        return tree.get(DEPARTMENTS, key -> reads.execute(status -> List.copyOf(departments.findAll())));
    }

    void invalidateAll() {
        facts.invalidateAll();
        names.invalidateAll();
        tree.invalidateAll();
    }
}
