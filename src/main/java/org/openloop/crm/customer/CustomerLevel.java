package org.openloop.crm.customer;

/** 客户等级: 普通 / 重点 / VIP (B1). */
public enum CustomerLevel {
    NORMAL, KEY, VIP
}
