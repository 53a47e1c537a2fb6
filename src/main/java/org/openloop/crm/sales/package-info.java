/**
 * Sales (F1–F3): opportunities (商机) on customers with amount, expected close date, pipeline stage, probability,
 * owner and source campaign; their enforced state machine 执行 → 成功 / 失败 → 关闭 (and reopening a lost one);
 * admin-configurable pipelines, stages and loss reasons; the Kanban board. Quoting, contracts, expenses and
 * marketing build on {@link org.openloop.crm.sales.OpportunityManagement}'s refs, work checks and system transitions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sales")
package org.openloop.crm.sales;
