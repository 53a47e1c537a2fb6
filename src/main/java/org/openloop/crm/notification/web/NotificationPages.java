package org.openloop.crm.notification.web;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.notification.NotificationChannel;
import org.openloop.crm.notification.NotificationPreference;
import org.openloop.crm.notification.Notifications;
import org.openloop.crm.platform.web.ListLinks;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.notification.NotificationView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** The bell's unread count, the notification list and the preference page (K1); always the user's own. */
@Controller
class NotificationPages {

    private final Notifications notifications;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;

    NotificationPages(Notifications notifications, ObjectProvider<JavaMailSender> mail, MessageSource messages) {
        this.notifications = notifications;
        this.mail = mail;
        this.messages = messages;
    }

    @GetMapping("/notifications/badge")
    String badge(Model model) {
        model.addAttribute("unread", notifications.unreadCount());
        return "notification/badge :: badge";
    }

    @GetMapping("/notifications")
    String list(@RequestParam Map<String, String> parameters, HttpServletRequest request, Model model) {
        CursorPage<NotificationView> page = notifications.mine(ListRequest.from(ListLinks.parameters(request)));
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of(request));
        return parameters.containsKey("cursor") ? "notification/notifications :: rows" : "notification/notifications";
    }

    /** Opens what a notification points to, marking it read on the way. */
    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable UUID id) {
        String link = notifications.markRead(id).link();
        return "redirect:" + (link == null ? "/notifications" : link);
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable UUID id, @RequestParam(required = false) String back) {
        notifications.markRead(id);
        return "redirect:" + (back != null && back.startsWith("/notifications") ? back : "/notifications");
    }

    @PostMapping("/notifications/read-all")
    String readAll(RedirectAttributes redirect) {
        int marked = notifications.markAllRead();
        redirect.addFlashAttribute("flashSuccess", message("notification.readAll.done", marked));
        return "redirect:/notifications";
    }

    @GetMapping("/notifications/preferences")
    String preferences(Model model) {
        model.addAttribute("preferences", notifications.preferences());
        model.addAttribute("channels", NotificationChannel.values());
        model.addAttribute("mailConfigured", mail.getIfAvailable() != null);
        return "notification/preferences";
    }

    @PostMapping("/notifications/preferences")
    String savePreferences(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        for (NotificationPreference preference : notifications.preferences()) {
            String chosen = form.get("channel." + preference.type());
            if (chosen != null && Arrays.stream(NotificationChannel.values()).anyMatch(c -> c.name().equals(chosen))) {
                notifications.choose(preference.type(), NotificationChannel.valueOf(chosen));
            }
        }
        redirect.addFlashAttribute("flashSuccess", message("notification.preferences.saved"));
        return "redirect:/notifications/preferences";
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
