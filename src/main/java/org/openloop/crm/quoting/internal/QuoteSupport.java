package org.openloop.crm.quoting.internal;

import java.util.UUID;

import org.openloop.crm.catalog.ProductUsage;
import org.openloop.crm.notification.NotificationChannel;
import org.openloop.crm.notification.NotificationType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What quoting declares to other modules: its notification types and its use of catalogue products. */
@Configuration(proxyBeanMethods = false)
class QuoteSupport {

    @Bean
    static NotificationType quoteApprovalRequestedNotification() {
        return new NotificationType("quote.approvalRequested", NotificationChannel.IN_APP);
    }

    @Bean
    static NotificationType quoteApprovalDecidedNotification() {
        return new NotificationType("quote.approvalDecided", NotificationChannel.IN_APP);
    }

    /** A product on any quote line (any version, any state) is in use: it can be deactivated, not deleted. */
    @Bean
    ProductUsage quotedProducts(QuoteLines lines) {
        return new ProductUsage() {
            @Override
            public boolean uses(UUID productId) {
                return lines.existsByProductId(productId);
            }
        };
    }
}
