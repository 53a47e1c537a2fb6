package org.openloop.crm.collaboration;

/** The workflow steps of a collaboration task (E3); who may take each is decided by the task's workflow. */
public enum CollaborationAction {
    /** A person asked accepts the task: PENDING → IN_PROGRESS. */
    ACCEPT,
    /** A person asked submits the result: IN_PROGRESS → IN_REVIEW. */
    SUBMIT,
    /** The initiator accepts the result: IN_REVIEW → DONE. */
    APPROVE,
    /** The initiator sends the result back with a reason: IN_REVIEW → IN_PROGRESS. */
    SEND_BACK
}
