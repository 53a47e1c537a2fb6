package org.openloop.crm.notification;

/** How a user wants to hear about one type of notification. */
public enum NotificationChannel {
    IN_APP, EMAIL, BOTH, NONE;

    public boolean inApp() {
        return this == IN_APP || this == BOTH;
    }

    public boolean email() {
        return this == EMAIL || this == BOTH;
    }
}
