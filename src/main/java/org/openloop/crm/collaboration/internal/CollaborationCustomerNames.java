package org.openloop.crm.collaboration.internal;

import org.openloop.crm.customer.CustomerRenamed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Collaboration tasks show, and are listed by, the current name of their customer. */
@Component
class CollaborationCustomerNames {

    private final CollaborationTasks tasks;

    CollaborationCustomerNames(CollaborationTasks tasks) {
        this.tasks = tasks;
    }

    @ApplicationModuleListener
    void on(CustomerRenamed renamed) {
        tasks.renameCustomer(renamed.customerId(), renamed.name());
    }
}
