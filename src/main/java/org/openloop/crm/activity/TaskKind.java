package org.openloop.crm.activity;

/** Where a task comes from (D2): 商机活动, 客户活动, 业务员活动. Labels are {@code task.kind.<NAME>}. */
public enum TaskKind {
    OPPORTUNITY, CUSTOMER, OWN
}
