package org.openloop.crm.customer.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.openloop.crm.customer.CustomerAssigned;
import org.openloop.crm.notification.NotificationChannel;
import org.openloop.crm.notification.NotificationType;
import org.openloop.crm.notification.Notifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * What the customer module tells people (K1): a customer assigned to them, a customer about to return to the pool
 * (B5), and the decision on a key-field change they asked for (A7). The recipients are the customer's owner or the
 * requester, who can see the customer, so no notification points anyone at a record outside their scope.
 */
@Configuration(proxyBeanMethods = false)
public class CustomerNotices {

    static final String ASSIGNED = "customer.assigned";
    static final String POOL_WARNING = "customer.poolWarning";
    static final String CHANGE_DECIDED = "customer.changeDecided";

    private final Notifications notifications;
    private final ZoneId zone;

    CustomerNotices(Notifications notifications, @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.notifications = notifications;
        this.zone = zone;
    }

    @Bean
    static NotificationType customerAssignedNotification() {
        return new NotificationType(ASSIGNED, NotificationChannel.IN_APP);
    }

    @Bean
    static NotificationType customerPoolWarningNotification() {
        return new NotificationType(POOL_WARNING, NotificationChannel.IN_APP);
    }

    @Bean
    static NotificationType customerChangeDecidedNotification() {
        return new NotificationType(CHANGE_DECIDED, NotificationChannel.IN_APP);
    }

    @ApplicationModuleListener
    void on(CustomerAssigned assigned) {
        if (assigned.ownerId() != null && !assigned.ownerId().equals(assigned.assignedBy())) {
            notifications.notify(assigned.ownerId(), ASSIGNED, "notification.customer.assigned",
                    List.of(assigned.name(), assigned.number()), link(assigned.customerId()));
        }
    }

    /** Called by the pool job in the transaction that marks the warning, so a rerun never warns twice. */
    public void poolWarning(Customer customer, Instant returnDue) {
        if (customer.getOwnerId() != null) {
            notifications.notify(customer.getOwnerId(), POOL_WARNING, "notification.customer.poolWarning",
                    List.of(customer.getName(), customer.getNumber(), returnDue.atZone(zone).toLocalDate().toString()),
                    link(customer.getId()));
        }
    }

    public void changeDecided(Customer customer, CustomerChangeRequest request, boolean approved) {
        if (request.getRequestedBy() != null && !request.getRequestedBy().equals(request.getDecidedBy())) {
            notifications.notify(request.getRequestedBy(), CHANGE_DECIDED,
                    approved ? "notification.customer.changeApproved" : "notification.customer.changeRejected",
                    List.of(customer.getName(), Notifications.label("customer.field." + request.getField())),
                    link(customer.getId()));
        }
    }

    private static String link(java.util.UUID customerId) {
        return "/customers/" + customerId;
    }
}
