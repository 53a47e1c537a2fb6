package org.openloop.crm.notification.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.notification.NotificationChannel;
import org.openloop.crm.notification.NotificationPreference;
import org.openloop.crm.notification.NotificationView;
import org.openloop.crm.notification.Notifications;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's own notifications and notification preferences (K1). */
@RestController
@Tag(name = "Notifications")
class NotificationApiController {

    record UnreadCount(long unread) {
    }

    record MarkedRead(int marked) {
    }

    record ChannelChoice(NotificationChannel channel) {
    }

    private final Notifications notifications;

    NotificationApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "The caller's notifications, newest first; unread=true for unread ones only")
    CursorPage<NotificationView> list(@RequestParam Map<String, String> parameters) {
        return notifications.mine(ListRequest.from(parameters));
    }

    @GetMapping("/api/v1/notifications/unread-count")
    UnreadCount unread() {
        return new UnreadCount(notifications.unreadCount());
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    NotificationView read(@PathVariable UUID id) {
        return notifications.markRead(id);
    }

    @PostMapping("/api/v1/notifications/read-all")
    MarkedRead readAll() {
        return new MarkedRead(notifications.markAllRead());
    }

    @GetMapping("/api/v1/notification-preferences")
    @Operation(summary = "Every notification type with the caller's channel: IN_APP, EMAIL, BOTH or NONE")
    List<NotificationPreference> preferences() {
        return notifications.preferences();
    }

    @PutMapping("/api/v1/notification-preferences/{type}")
    NotificationPreference choose(@PathVariable String type, @RequestBody ChannelChoice choice) {
        return notifications.choose(type, choice.channel());
    }
}
