package org.openloop.crm.customer.internal;

import org.openloop.crm.audit.Audited;
import org.openloop.crm.customer.CustomerLevel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The pool rule of one customer level (B5). */
@Entity
@EntityListeners(PoolRuleCacheEviction.class)
@Table(name = "customer_pool_rule")
@Audited("customerPoolRule")
public class CustomerPoolRule {

    @Id
    @Enumerated(EnumType.STRING)
    private CustomerLevel level;
    @Column(name = "return_after_days")
    private Integer returnAfterDays;
    @Column(name = "warn_before_days")
    private int warnBeforeDays;
    @Column(name = "max_per_owner")
    private Integer maxPerOwner;
    @Version
    private long version;

    protected CustomerPoolRule() {
    }

    public CustomerPoolRule(CustomerLevel level) {
        this.level = level;
    }

    /** An unmanaged copy, for the rules cache: a cached rule must not be the instance a transaction changes. */
    CustomerPoolRule copy() {
        CustomerPoolRule copy = new CustomerPoolRule(level);
        copy.change(returnAfterDays, warnBeforeDays, maxPerOwner);
        copy.version = version;
        return copy;
    }

    public void change(Integer returnAfterDays, int warnBeforeDays, Integer maxPerOwner) {
        this.returnAfterDays = returnAfterDays;
        this.warnBeforeDays = warnBeforeDays;
        this.maxPerOwner = maxPerOwner;
    }

    public CustomerLevel getLevel() {
        return level;
    }

    public Integer getReturnAfterDays() {
        return returnAfterDays;
    }

    public int getWarnBeforeDays() {
        return warnBeforeDays;
    }

    public Integer getMaxPerOwner() {
        return maxPerOwner;
    }

    public long getVersion() {
        return version;
    }
}
