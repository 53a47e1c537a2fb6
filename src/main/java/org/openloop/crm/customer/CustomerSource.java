package org.openloop.crm.customer;

/** 客户来源 (B1). */
public enum CustomerSource {
    /** 展会 */
    EXHIBITION,
    /** 主动咨询 */
    INBOUND,
    /** 转介绍 */
    REFERRAL,
    /** 推广活动 */
    CAMPAIGN,
    /** 名片 */
    BUSINESS_CARD,
    /** 导入 */
    IMPORT,
    /** 网站表单 */
    WEB_FORM,
    OTHER
}
