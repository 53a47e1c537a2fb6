package org.openloop.crm.customer;

/** 客户类型 (B1). */
public enum CustomerType {
    /** 意向 */
    TARGET,
    /** 潜在 */
    POTENTIAL,
    /** 成交 */
    WON,
    /** 停用 */
    INACTIVE
}
