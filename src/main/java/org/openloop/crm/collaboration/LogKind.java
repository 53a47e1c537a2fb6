package org.openloop.crm.collaboration;

/** Kinds of task-log entries (E4): the first three are written by people, the others by the workflow. */
public enum LogKind {
    PROGRESS, PROBLEM, SOLUTION, SENT_BACK, ESCALATED;

    public boolean manual() {
        return this == PROGRESS || this == PROBLEM || this == SOLUTION;
    }
}
