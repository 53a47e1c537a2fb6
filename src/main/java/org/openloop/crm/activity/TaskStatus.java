package org.openloop.crm.activity;

/** 未开始 / 进行中 / 已完成 / 已取消. Labels are {@code task.status.<NAME>}. */
public enum TaskStatus {
    NOT_STARTED, IN_PROGRESS, DONE, CANCELLED;

    public boolean open() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }
}
