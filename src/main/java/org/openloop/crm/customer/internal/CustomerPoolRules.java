package org.openloop.crm.customer.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.openloop.crm.customer.CustomerLevel;
import org.openloop.crm.shared.ReferenceDataCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Reads the pool rules (B5) and computes when a customer goes back to the pool. */
@Component
public class CustomerPoolRules {

    private final PoolRules rules;
    private final ReferenceDataCache<String, Map<CustomerLevel, CustomerPoolRule>> cache;

    CustomerPoolRules(PoolRules rules, @Value("${crm.cache.reference-ttl:10s}") Duration ttl) {
        this.rules = rules;
        this.cache = ReferenceDataCache.expiringAfter(ttl, 1);
    }

    /**
     * Every level's rule, for reading only; a level without a stored rule gets one that never returns and has no cap.
     * Every customer view shows when it returns to the pool, so the rules are cached ({@code crm.cache.reference-ttl});
     * a change through this instance applies at once ({@link PoolRuleCacheEviction}).
     */
    public Map<CustomerLevel, CustomerPoolRule> byLevel() {
        return cache.get("rules", key -> {
            Map<CustomerLevel, CustomerPoolRule> byLevel = new EnumMap<>(CustomerLevel.class);
            for (CustomerLevel level : CustomerLevel.values()) {
                byLevel.put(level, new CustomerPoolRule(level));
            }
            rules.findAll().forEach(rule -> byLevel.put(rule.getLevel(), rule.copy()));
            return java.util.Collections.unmodifiableMap(byLevel);
        });
    }

    void forget() {
        cache.invalidateAll();
    }

    public CustomerPoolRule rule(CustomerLevel level) {
        return byLevel().get(level);
    }

    /** The stored rule of a level, created on first change. */
    public CustomerPoolRule stored(CustomerLevel level) {
        return rules.findById(level).orElseGet(() -> rules.save(new CustomerPoolRule(level)));
    }

    /** When an owned, current customer returns to the pool without a follow-up; {@code null} if never. */
    public static Instant returnDue(Customer customer, CustomerPoolRule rule) {
        if (customer.isPooled() || customer.isArchived() || rule == null || rule.getReturnAfterDays() == null) {
            return null;
        }
        return customer.followUpSince().plus(Duration.ofDays(rule.getReturnAfterDays()));
    }
}
