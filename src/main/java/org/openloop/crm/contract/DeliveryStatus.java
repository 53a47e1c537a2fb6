package org.openloop.crm.contract;

/** 未发货 / 部分发货 / 已发货. */
public enum DeliveryStatus {
    NOT_SHIPPED, PARTIALLY_SHIPPED, SHIPPED
}
