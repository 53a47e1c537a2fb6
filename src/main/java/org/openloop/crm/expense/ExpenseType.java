package org.openloop.crm.expense;

/**
 * Kinds of expense (F8): 差旅 travel, 招待 entertainment, 礼品 gifts, 交通 transport, 其他 other. A fixed list: reports
 * group by it, and the labels are translated in the message files ({@code expense.type.*}).
 */
public enum ExpenseType {
    TRAVEL, ENTERTAINMENT, GIFTS, TRANSPORT, OTHER
}
