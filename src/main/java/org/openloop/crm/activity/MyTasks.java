package org.openloop.crm.activity;

import java.util.List;

/** The caller's open tasks ("my tasks"): overdue, due later today, and upcoming (the next two weeks). */
public record MyTasks(List<TaskView> overdue, List<TaskView> today, List<TaskView> upcoming) {
}
