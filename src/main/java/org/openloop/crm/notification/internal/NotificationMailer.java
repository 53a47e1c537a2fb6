package org.openloop.crm.notification.internal;

import java.util.Locale;

import org.openloop.crm.notification.NotificationEmailRequested;
import org.openloop.crm.organization.OrganizationManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mail copy of a notification after the notifying transaction committed. The event is kept in the
 * event publication log until this succeeds, so a mail server outage delays the mail instead of losing it. Without
 * a configured mail server ({@code spring.mail.host}) e-mail notifications are skipped, and the preference page
 * says so.
 */
@Component
class NotificationMailer {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationMailer.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final OrganizationManagement organization;
    private final MessageSource messages;
    private final String from;
    private final String baseUrl;
    private final Locale locale;

    NotificationMailer(ObjectProvider<JavaMailSender> mail, OrganizationManagement organization,
            MessageSource messages, @Value("${crm.mail.from:crm@localhost}") String from,
            @Value("${crm.base-url:http://localhost:8080}") String baseUrl,
            @Value("${crm.mail.locale:zh-CN}") Locale locale) {
        this.mail = mail;
        this.organization = organization;
        this.messages = messages;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.locale = locale;
    }

    @ApplicationModuleListener
    void send(NotificationEmailRequested requested) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            LOG.debug("No mail server configured; e-mail for notification {} skipped", requested.notificationId());
            return;
        }
        organization.emailOf(requested.userId()).ifPresent(address -> {
            String text = org.openloop.crm.notification.Notifications.render(messages, requested.messageKey(),
                    requested.arguments(), locale);
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(address);
            message.setSubject(messages.getMessage("notification.mail.subject", new Object[] { text }, locale));
            message.setText(text + (requested.link() == null ? "" : "\n\n" + baseUrl + requested.link()) + "\n\n"
                    + messages.getMessage("notification.mail.footer", new Object[] { baseUrl + "/notifications/preferences" }, locale));
            sender.send(message);
        });
    }
}
