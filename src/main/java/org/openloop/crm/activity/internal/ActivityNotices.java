package org.openloop.crm.activity.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.notification.NotificationChannel;
import org.openloop.crm.notification.NotificationType;
import org.openloop.crm.notification.Notifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the activity module tells people (K1, D3, D4): a task assigned to them, a task's reminder and its overdue
 * alarm. The recipient is always the task's owner, who can see it. Called in the transaction that changes or marks
 * the task, so a rolled-back change sends nothing.
 */
@Configuration(proxyBeanMethods = false)
public class ActivityNotices {

    static final String ASSIGNED = "task.assigned";
    static final String REMINDER = "task.reminder";
    static final String OVERDUE = "task.overdue";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Notifications notifications;
    private final ZoneId zone;

    ActivityNotices(Notifications notifications, @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.notifications = notifications;
        this.zone = zone;
    }

    @Bean
    static NotificationType taskAssignedNotification() {
        return new NotificationType(ASSIGNED, NotificationChannel.IN_APP);
    }

    @Bean
    static NotificationType taskReminderNotification() {
        return new NotificationType(REMINDER, NotificationChannel.IN_APP);
    }

    @Bean
    static NotificationType taskOverdueNotification() {
        return new NotificationType(OVERDUE, NotificationChannel.IN_APP);
    }

    public void assigned(Task task, UUID assignedBy) {
        if (task.getOwnerId() != null && !task.getOwnerId().equals(assignedBy)) {
            notifications.notify(task.getOwnerId(), ASSIGNED, "task.notification.assigned",
                    List.of(task.getSubject(), due(task)), link(task));
        }
    }

    public void reminder(Task task) {
        notifications.notify(task.getOwnerId(), REMINDER, "task.notification.reminder",
                List.of(task.getSubject(), due(task)), link(task));
    }

    public void overdue(Task task) {
        notifications.notify(task.getOwnerId(), OVERDUE, "task.notification.overdue",
                List.of(task.getSubject(), due(task)), link(task));
    }

    private String due(Task task) {
        return task.getDueAt().atZone(zone).format(TIME);
    }

    private static String link(Task task) {
        return "/tasks/" + task.getId();
    }
}
