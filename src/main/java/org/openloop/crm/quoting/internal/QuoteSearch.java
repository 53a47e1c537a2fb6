package org.openloop.crm.quoting.internal;

import java.util.Arrays;
import java.util.UUID;

import org.openloop.crm.search.BatchedSearchSource;
import org.openloop.crm.search.SearchDocument;
import org.openloop.crm.search.SearchIndex;
import org.springframework.stereotype.Component;

/** Quotes in global search (K2): found by number, customer and opportunity name, in the reader's scope. */
@Component
public class QuoteSearch {

    public static final String TYPE = "quote";

    private final SearchIndex index;

    QuoteSearch(SearchIndex index) {
        this.index = index;
    }

    public void index(Quote record) {
        index.index(document(record));
    }

    public void remove(UUID id) {
        index.remove(TYPE, id);
    }

    static SearchDocument document(Quote r) {
        String number = r.getNumber() + " v" + r.getQuoteVersion();
        return new SearchDocument(TYPE, r.getId(), r.getOwnerId(), r.getDepartmentId(), number,
                join(r.getCustomerName(), r.getOpportunityName()), "/quotes/" + r.getId(), false,
                Arrays.asList(r.getNumber(), number, r.getCustomerName(), r.getOpportunityName()), null);
    }

    static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " · " + b;
    }

    /** Feeds the index rebuild. */
    @Component
    static class Source extends BatchedSearchSource<Quote> {

        Source(Quotes repository) {
            super(TYPE, "quote", false, repository::findAll, each(QuoteSearch::document));
        }
    }
}
