package org.openloop.crm.collaboration.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.notification.NotificationChannel;
import org.openloop.crm.notification.NotificationType;
import org.openloop.crm.notification.Notifications;
import org.openloop.crm.organization.OrganizationManagement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What collaboration tells people (E2, E5, K1), in the transaction of the change: the people asked when a task is
 * started, the other party on each state change, the coordinators of the departments asked on escalation. Every
 * recipient is involved in the task, so no notification points anyone at a task they cannot open.
 */
@Configuration(proxyBeanMethods = false)
public class CollaborationNotices {

    public static final String ASSIGNED = "collaboration.assigned";
    public static final String CHANGED = "collaboration.changed";
    public static final String ESCALATED = "collaboration.escalated";

    private final Notifications notifications;
    private final OrganizationManagement organization;

    CollaborationNotices(Notifications notifications, OrganizationManagement organization) {
        this.notifications = notifications;
        this.organization = organization;
    }

    @Bean
    static NotificationType collaborationAssignedNotification() {
        return new NotificationType(ASSIGNED, NotificationChannel.IN_APP);
    }

    @Bean
    static NotificationType collaborationChangedNotification() {
        return new NotificationType(CHANGED, NotificationChannel.IN_APP);
    }

    @Bean
    static NotificationType collaborationEscalatedNotification() {
        return new NotificationType(ESCALATED, NotificationChannel.IN_APP);
    }

    public void assigned(CollaborationTask task, UUID by) {
        String initiator = organization.names(List.of(task.getOwnerId())).getOrDefault(task.getOwnerId(), "—");
        for (UUID user : task.getAskedUserIds()) {
            if (!user.equals(by)) {
                notifications.notify(user, ASSIGNED, "collaboration.notice.assigned",
                        List.of(initiator, task.getNumber(), task.getCustomerName()), link(task));
            }
        }
    }

    /** Tells the other side that the task moved to its current state. */
    public void changed(CollaborationTask task, UUID by) {
        Set<UUID> recipients = new LinkedHashSet<>();
        switch (task.getState()) {
            case IN_PROGRESS, IN_REVIEW -> {
                if (by != null && task.getAskedUserIds().contains(by)) {
                    recipients.add(task.getOwnerId());
                }
                else {
                    recipients.addAll(task.getAskedUserIds());
                }
            }
            case DONE -> recipients.addAll(task.getAskedUserIds());
            default -> { }
        }
        recipients.remove(by);
        String actor = by == null ? "—" : organization.names(List.of(by)).getOrDefault(by, "—");
        for (UUID user : recipients) {
            notifications.notify(user, CHANGED, "collaboration.notice.changed", List.of(task.getNumber(), actor,
                    Notifications.label("collaboration.state." + task.getState().name())), link(task));
        }
    }

    public void escalated(CollaborationTask task, Collection<UUID> coordinators, boolean automatic) {
        for (UUID user : coordinators) {
            notifications.notify(user, ESCALATED,
                    automatic ? "collaboration.notice.escalatedOverdue" : "collaboration.notice.escalated",
                    List.of(task.getNumber(), task.getCustomerName(),
                            task.getEscalationReason() == null ? "" : task.getEscalationReason()),
                    link(task));
        }
    }

    static String link(CollaborationTask task) {
        return "/collaboration/" + task.getId();
    }
}
