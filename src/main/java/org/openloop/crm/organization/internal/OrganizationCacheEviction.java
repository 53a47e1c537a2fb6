package org.openloop.crm.organization.internal;

import org.springframework.beans.factory.ObjectProvider;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Drops the {@link OrganizationCache} whenever a user, role or department is written, whichever code path writes
 * it: a deactivation or a change of roles must take effect on the next request, not when the cache expires.
 */
class OrganizationCacheEviction {

    // looked up on use: the listener is built with the entity manager factory, before the repositories it needs
    private final ObjectProvider<OrganizationCache> cache;

    OrganizationCacheEviction(ObjectProvider<OrganizationCache> cache) {
        this.cache = cache;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        cache.getObject().invalidateAll();
    }
}
