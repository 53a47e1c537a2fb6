/**
 * The notification centre (K1): any module tells a user about something with {@link
 * org.openloop.crm.notification.Notifications#notify}; the user reads it in the bell menu and the notification
 * list, and gets it by e-mail too if their preference for that type says so. Modules declare the types they send as
 * {@link org.openloop.crm.notification.NotificationType} beans, which the preference page lists.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.openloop.crm.notification;
