package org.openloop.crm.collaboration.internal;

import java.time.Clock;
import java.util.Set;

import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.platform.MergedLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A merged customer's collaboration tasks move to the survivor (B6), with its name, and back when the merge is
 * undone.
 */
@Configuration(proxyBeanMethods = false)
class CollaborationMerges {

    @Bean
    MergedLinks.Link collaborationTaskMergeLink(CollaborationTasks tasks,
            ObjectProvider<CustomerManagement> customers, Clock clock) {
        return MergedLinks.Link.ofRecords("collaborationTask", "customer", tasks::idsOfCustomer, tasks::findAllById,
                CollaborationTask::getCustomerId, (task, to) -> task.moveToCustomer(to,
                        customers.getObject().labels(Set.of(to)).get(to), clock.instant()));
    }
}
