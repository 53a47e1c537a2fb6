package org.openloop.crm.messaging.internal;

import org.openloop.crm.platform.MergedLinks;
import org.openloop.crm.shared.RecordsMerged;
import org.openloop.crm.shared.RecordsUnmerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When two customers become one (B6), the merged customer's mail and calls move to the survivor's timeline, and back
 * when the merge is undone.
 */
@Component
class MessagingMerges {

    private final MergedLinks links;
    private final MergedLinks.Link mailLink;
    private final MergedLinks.Link callLink;

    MessagingMerges(MergedLinks links, EmailMessages mails, CallRecords calls) {
        this.links = links;
        this.mailLink = MergedLinks.Link.of("email", "customer", mails::idsOfCustomer, mails::repointCustomer);
        this.callLink = MergedLinks.Link.of("call", "customer", calls::idsOfCustomer, calls::repointCustomer);
    }

    @ApplicationModuleListener
    void on(RecordsMerged merged) {
        links.follow(merged, mailLink);
        links.follow(merged, callLink);
    }

    @ApplicationModuleListener
    void on(RecordsUnmerged unmerged) {
        links.followBack(unmerged, mailLink);
        links.followBack(unmerged, callLink);
    }
}
