package org.openloop.crm.marketing;

/** 活动状态 (J1): 计划中 → 进行中 → 已结束, or 已取消 before it ends. */
public enum CampaignStatus {
    PLANNED,
    ACTIVE,
    COMPLETED,
    CANCELLED
}
