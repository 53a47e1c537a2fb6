/**
 * Collaboration tasks (E1–E7): a request from a customer's owner to other departments and people (协作任务), its
 * workflow 待接收 → 处理中 → 待审核 → 已完成, task log, escalation to department coordinators, the customer's
 * satisfaction when the loop is closed, and weekly / monthly figures. A task is visible to its initiator, the people
 * and departments asked (members and coordinators) and managers whose data scope covers the initiator's or an asked
 * department; to everyone else it does not exist.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Collaboration")
package org.openloop.crm.collaboration;
