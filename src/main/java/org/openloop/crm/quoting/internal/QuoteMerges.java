package org.openloop.crm.quoting.internal;

import java.time.Clock;
import java.util.Set;

import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.platform.MergedLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A merged customer's quotes move to the survivor (B6), with its name, and back when the merge is undone. */
@Configuration(proxyBeanMethods = false)
class QuoteMerges {

    @Bean
    MergedLinks.Link quoteMergeLink(Quotes quotes, QuoteSearch search, ObjectProvider<CustomerManagement> customers,
            Clock clock) {
        return MergedLinks.Link.ofRecords("quote", "customer", quotes::idsOfCustomer, quotes::findAllById,
                Quote::getCustomerId, (quote, to) -> {
                    quote.moveToCustomer(to, customers.getObject().labels(Set.of(to)).get(to), clock.instant());
                    search.index(quote);
                });
    }
}
