package org.openloop.crm.search.internal;

import java.util.Set;
import java.util.UUID;

/**
 * A search as the store runs it. {@code scopeUser} is null for company scope; otherwise a hit must be owned by that
 * user, belong to one of {@code scopeDepartments}, or be of one of the {@code companyWideTypes}.
 */
public record SearchQuery(Set<String> types, Set<String> terms, String likePattern, boolean sensitive,
        UUID scopeUser, Set<UUID> scopeDepartments, Set<String> companyWideTypes, int limit) {
}
