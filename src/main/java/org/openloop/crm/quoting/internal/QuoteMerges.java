package org.openloop.crm.quoting.internal;

import java.time.Clock;
import java.util.Set;

import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.platform.MergedLinks;
import org.openloop.crm.shared.RecordsMerged;
import org.openloop.crm.shared.RecordsUnmerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A merged customer's quotes move to the survivor (B6), with its name, and back when the merge is undone. */
@Component
class QuoteMerges {

    private final MergedLinks links;
    private final MergedLinks.Link quoteLink;

    QuoteMerges(MergedLinks links, Quotes quotes, QuoteSearch search, CustomerManagement customers, Clock clock) {
        this.links = links;
        this.quoteLink = MergedLinks.Link.ofRecords("quote", "customer", quotes::idsOfCustomer, quotes::findAllById,
                Quote::getCustomerId, (quote, to) -> {
                    quote.moveToCustomer(to, customers.labels(Set.of(to)).get(to), clock.instant());
                    search.index(quote);
                });
    }

    @ApplicationModuleListener
    void on(RecordsMerged merged) {
        links.follow(merged, quoteLink);
    }

    @ApplicationModuleListener
    void on(RecordsUnmerged unmerged) {
        links.followBack(unmerged, quoteLink);
    }
}
