package org.openloop.crm.sales;

/** The state of an opportunity (F2): 执行 open, 成功 won, 失败 lost, 关闭 closed. */
public enum OpportunityStatus {
    /** 执行 */
    OPEN,
    /** 成功 */
    WON,
    /** 失败 */
    LOST,
    /** 关闭 */
    CLOSED
}
