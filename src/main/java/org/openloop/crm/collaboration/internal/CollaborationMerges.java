package org.openloop.crm.collaboration.internal;

import java.time.Clock;
import java.util.Set;

import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.platform.MergedLinks;
import org.openloop.crm.shared.RecordsMerged;
import org.openloop.crm.shared.RecordsUnmerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A merged customer's collaboration tasks move to the survivor (B6), with its name, and back when the merge is
 * undone.
 */
@Component
class CollaborationMerges {

    private final MergedLinks links;
    private final MergedLinks.Link taskLink;

    CollaborationMerges(MergedLinks links, CollaborationTasks tasks, CustomerManagement customers, Clock clock) {
        this.links = links;
        this.taskLink = MergedLinks.Link.ofRecords("collaborationTask", "customer", tasks::idsOfCustomer,
                tasks::findAllById, CollaborationTask::getCustomerId,
                (task, to) -> task.moveToCustomer(to, customers.labels(Set.of(to)).get(to), clock.instant()));
    }

    @ApplicationModuleListener
    void on(RecordsMerged merged) {
        links.follow(merged, taskLink);
    }

    @ApplicationModuleListener
    void on(RecordsUnmerged unmerged) {
        links.followBack(unmerged, taskLink);
    }
}
