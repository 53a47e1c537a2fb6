package org.openloop.crm.contract;

/** 执行中 in progress until fully paid and shipped, then 已完成 completed (back to in progress if a payment is removed). */
public enum ContractStatus {
    ACTIVE, COMPLETED
}
