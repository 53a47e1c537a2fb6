package org.openloop.crm.notification;

/**
 * A kind of notification a module sends, declared as a bean so users can choose its channel. {@code key} is
 * stable ({@code customer.assigned}); its label is the message {@code notification.type.<key>}.
 */
public record NotificationType(String key, NotificationChannel defaultChannel) {
}
