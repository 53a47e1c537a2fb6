package org.openloop.crm.contract;

/** 合同 a contract or 订单 an order; both follow the same rules. */
public enum ContractKind {
    CONTRACT, ORDER
}
