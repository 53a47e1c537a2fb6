package org.openloop.crm.contract.internal;

import java.util.List;
import java.util.UUID;

import org.openloop.crm.notification.NotificationChannel;
import org.openloop.crm.notification.NotificationType;
import org.openloop.crm.notification.Notifications;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the contract module tells people (K1): an instalment overdue, a renewal date coming up and a contract
 * transferred to them. The recipient is the contract's owner, who can see it. Called in the transaction that marks
 * or changes the record, so each is sent once.
 */
@Configuration(proxyBeanMethods = false)
public class ContractNotices {

    static final String OVERDUE = "payment.overdue";
    static final String RENEWAL = "contract.renewal";
    static final String ASSIGNED = "contract.assigned";

    private final Notifications notifications;

    ContractNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    @Bean
    static NotificationType paymentOverdueNotification() {
        return new NotificationType(OVERDUE, NotificationChannel.IN_APP);
    }

    @Bean
    static NotificationType contractRenewalNotification() {
        return new NotificationType(RENEWAL, NotificationChannel.IN_APP);
    }

    @Bean
    static NotificationType contractAssignedNotification() {
        return new NotificationType(ASSIGNED, NotificationChannel.IN_APP);
    }

    public void overdue(PaymentPlan plan, Contract contract) {
        notifications.notify(contract.getOwnerId(), OVERDUE, "payment.notification.overdue",
                List.of(contract.getNumber(), plan.getDueDate().toString()), "/contracts/" + contract.getId());
    }

    public void renewal(Contract contract) {
        notifications.notify(contract.getOwnerId(), RENEWAL, "contract.notification.renewal",
                List.of(contract.getNumber(), contract.getRenewalDate().toString()), "/contracts/" + contract.getId());
    }

    /** The contract's new owner learns of it, unless they transferred it to themselves. */
    public void assigned(Contract contract, UUID assignedBy) {
        if (contract.getOwnerId() != null && !contract.getOwnerId().equals(assignedBy)) {
            notifications.notify(contract.getOwnerId(), ASSIGNED, "contract.notification.assigned",
                    List.of(contract.getNumber(), contract.getTitle()), "/contracts/" + contract.getId());
        }
    }
}
