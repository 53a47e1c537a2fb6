package org.openloop.crm.marketing.internal;

import java.util.List;

import org.openloop.crm.notification.NotificationChannel;
import org.openloop.crm.notification.NotificationType;
import org.openloop.crm.notification.Notifications;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the marketing module tells people (K1): the owner of a campaign hears of every lead its public form captured.
 * The owner sees the campaign, so the link never points anyone at a record outside their scope.
 */
@Configuration(proxyBeanMethods = false)
public class CampaignNotices {

    static final String LEAD = "campaign.lead";

    private final Notifications notifications;

    CampaignNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    @Bean
    static NotificationType campaignLeadNotification() {
        return new NotificationType(LEAD, NotificationChannel.IN_APP);
    }

    /** Called in the transaction that stores the lead. */
    public void leadCaptured(Campaign campaign, String customerName, String contactName) {
        if (campaign.getOwnerId() != null) {
            notifications.notify(campaign.getOwnerId(), LEAD, "notification.campaign.lead",
                    List.of(campaign.getName(), customerName, contactName == null ? "—" : contactName),
                    "/campaigns/" + campaign.getId() + "#leads");
        }
    }
}
