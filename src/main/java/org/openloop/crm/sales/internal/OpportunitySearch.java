package org.openloop.crm.sales.internal;

import java.util.Arrays;

import org.openloop.crm.customer.CustomerRenamed;
import org.openloop.crm.search.BatchedSearchSource;
import org.openloop.crm.search.SearchDocument;
import org.openloop.crm.search.SearchIndex;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Opportunities in global search (K2): found by number and name, in the reader's scope. */
@Component
public class OpportunitySearch {

    public static final String TYPE = "opportunity";

    private final SearchIndex index;
    private final Opportunities repository;

    OpportunitySearch(SearchIndex index, Opportunities repository) {
        this.index = index;
        this.repository = repository;
    }

    /**
     * A renamed customer's opportunities show, and are listed by, its new name: the copy they keep is updated and
     * their search documents (whose subtitle shows it) rewritten.
     */
    @ApplicationModuleListener
    void on(CustomerRenamed renamed) {
        repository.renameCustomer(renamed.customerId(), renamed.name());
        index.indexAll(repository.findByCustomerId(renamed.customerId()).stream()
                .map(OpportunitySearch::document).toList());
    }

    public void index(Opportunity opportunity) {
        index.index(document(opportunity));
    }

    static SearchDocument document(Opportunity o) {
        return new SearchDocument(TYPE, o.getId(), o.getOwnerId(), o.getDepartmentId(), o.getName(),
                o.getNumber() + " · " + o.getCustomerName(), "/opportunities/" + o.getId(), false,
                Arrays.asList(o.getName(), o.getNumber()), null);
    }

    /** Feeds the index rebuild. */
    @Component
    static class Source extends BatchedSearchSource<Opportunity> {

        Source(Opportunities repository) {
            super(TYPE, TYPE, false, repository::findAll, each(OpportunitySearch::document));
        }
    }
}
