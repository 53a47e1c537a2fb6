package org.openloop.crm.customer;

/**
 * The pool rule of a customer level (B5): back to the pool after {@code returnAfterDays} without follow-up
 * ({@code null}: never), the owner warned {@code warnBeforeDays} before, at most {@code maxPerOwner} customers of
 * the level per owner ({@code null}: no cap).
 */
public record PoolRule(CustomerLevel level, Integer returnAfterDays, int warnBeforeDays, Integer maxPerOwner,
        long version) {
}
