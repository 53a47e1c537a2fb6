/**
 * Interactions (沟通记录, C1) and tasks and activities (任务与活动, D1-D5): what happened with a customer, what has to be
 * done next, reminders and overdue alarms, and the calendar. Both are owned records subject to data scope; they
 * link to customers, contacts and users by id and contribute entries to customers' timelines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activities")
package org.openloop.crm.activity;
