package org.openloop.crm.collaboration;

/** Where a collaboration task stands (E3). */
public enum CollaborationState {
    /** 待接收: waiting for one of the people asked to accept it. */
    PENDING,
    /** 处理中. */
    IN_PROGRESS,
    /** 待审核: submitted, waiting for the initiator. */
    IN_REVIEW,
    /** 已完成. */
    DONE
}
