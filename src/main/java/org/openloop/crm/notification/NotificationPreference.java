package org.openloop.crm.notification;

/** A user's channel for one notification type. */
public record NotificationPreference(String type, NotificationChannel channel) {
}
