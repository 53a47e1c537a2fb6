package org.openloop.crm.activity.internal;

import java.time.Clock;

import org.openloop.crm.platform.MergedLinks;
import org.openloop.crm.shared.RecordsMerged;
import org.openloop.crm.shared.RecordsUnmerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A merged customer's interactions and tasks move to the survivor (B6), and back when the merge is undone; an
 * interaction's search entry names the customer it now belongs to.
 */
@Component
class ActivityMerges {

    private final MergedLinks links;
    private final MergedLinks.Link interactionLink;
    private final MergedLinks.Link taskLink;

    ActivityMerges(MergedLinks links, Interactions interactions, Tasks tasks, InteractionSearch search, Clock clock) {
        this.links = links;
        this.interactionLink = MergedLinks.Link.ofRecords("interaction", "customer", interactions::idsOfCustomer,
                interactions::findAllById, Interaction::getCustomerId, (interaction, to) -> {
                    interaction.moveToCustomer(to, clock.instant());
                    search.index(interaction);
                });
        this.taskLink = MergedLinks.Link.ofRecords("task", "customer", tasks::idsOfCustomer, tasks::findAllById,
                Task::getCustomerId, (task, to) -> task.moveToCustomer(to, clock.instant()));
    }

    @ApplicationModuleListener
    void on(RecordsMerged merged) {
        links.follow(merged, interactionLink);
        links.follow(merged, taskLink);
    }

    @ApplicationModuleListener
    void on(RecordsUnmerged unmerged) {
        links.followBack(unmerged, interactionLink);
        links.followBack(unmerged, taskLink);
    }
}
