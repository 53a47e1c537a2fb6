package org.openloop.crm.activity;

/** 高 / 中 / 低. Labels are {@code task.priority.<NAME>}. */
public enum TaskPriority {
    HIGH, MEDIUM, LOW
}
