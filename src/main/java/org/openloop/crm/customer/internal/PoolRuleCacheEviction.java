package org.openloop.crm.customer.internal;

import org.springframework.beans.factory.ObjectProvider;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/** Drops the cached pool rules whenever one is written, so a changed rule applies to the next request. */
class PoolRuleCacheEviction {

    // looked up on use: the listener is built with the entity manager factory, before the repositories it needs
    private final ObjectProvider<CustomerPoolRules> rules;

    PoolRuleCacheEviction(ObjectProvider<CustomerPoolRules> rules) {
        this.rules = rules;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object rule) {
        rules.getObject().forget();
    }
}
