package org.openloop.crm.sales.internal;

import java.util.Arrays;
import java.util.function.Consumer;

import org.openloop.crm.search.SearchDocument;
import org.openloop.crm.search.SearchIndex;
import org.openloop.crm.search.SearchSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Opportunities in global search (K2): found by number and name, in the reader's scope. */
@Component
public class OpportunitySearch {

    public static final String TYPE = "opportunity";

    private final SearchIndex index;

    OpportunitySearch(SearchIndex index) {
        this.index = index;
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
    static class Source implements SearchSource {

        private final Opportunities opportunities;

        Source(Opportunities opportunities) {
            this.opportunities = opportunities;
        }

        @Override
        public String recordType() {
            return TYPE;
        }

        @Override
        @Transactional(readOnly = true)
        public void forEachDocument(Consumer<SearchDocument> sink) {
            SearchSource.inBatches(opportunities::findAll,
                    (batch, out) -> batch.forEach(r -> out.accept(document(r))), sink);
        }
    }
}
