package org.openloop.crm.marketing;

/** 活动类型 (J1). */
public enum CampaignType {
    /** 会议 */
    CONFERENCE,
    /** 展会 */
    EXHIBITION,
    /** 线上推广 */
    ONLINE,
    /** 邮件 */
    EMAIL,
    /** 广告 */
    ADVERTISING,
    /** 其他 */
    OTHER
}
