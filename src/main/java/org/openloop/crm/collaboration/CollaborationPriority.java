package org.openloop.crm.collaboration;

/** 紧急 / 重要 / 一般. */
public enum CollaborationPriority {
    URGENT, IMPORTANT, NORMAL
}
