package org.openloop.crm.comment.internal;

import org.openloop.crm.notification.NotificationChannel;
import org.openloop.crm.notification.NotificationType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notification a mention sends (E8, K1). */
@Configuration(proxyBeanMethods = false)
public class CommentNotices {

    public static final String MENTIONED = "comment.mentioned";

    @Bean
    static NotificationType commentMentionedNotification() {
        return new NotificationType(MENTIONED, NotificationChannel.IN_APP);
    }
}
