package org.openloop.crm.customer;

/** 活跃 / 沉睡, derived from the last interaction (B1); see {@code crm.customer.dormant-after}. */
public enum ActivityState {
    ACTIVE, DORMANT
}
