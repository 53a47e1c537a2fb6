package org.openloop.crm.activity.internal;

import java.time.Clock;

import org.openloop.crm.platform.MergedLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A merged customer's interactions and tasks move to the survivor (B6), and back when the merge is undone; an
 * interaction's search entry names the customer it now belongs to.
 */
@Configuration(proxyBeanMethods = false)
class ActivityMerges {

    @Bean
    MergedLinks.Link interactionMergeLink(Interactions interactions, InteractionSearch search, Clock clock) {
        return MergedLinks.Link.ofRecords("interaction", "customer", interactions::idsOfCustomer,
                interactions::findAllById, Interaction::getCustomerId, (interaction, to) -> {
                    interaction.moveToCustomer(to, clock.instant());
                    search.index(interaction);
                });
    }

    @Bean
    MergedLinks.Link taskMergeLink(Tasks tasks, Clock clock) {
        return MergedLinks.Link.ofRecords("task", "customer", tasks::idsOfCustomer, tasks::findAllById,
                Task::getCustomerId, (task, to) -> task.moveToCustomer(to, clock.instant()));
    }
}
