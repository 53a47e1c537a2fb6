package org.openloop.crm.contract;

/** 银行转账 / 现金 / 支票 / 其他. */
public enum PaymentMethod {
    BANK_TRANSFER, CASH, CHEQUE, OTHER
}
