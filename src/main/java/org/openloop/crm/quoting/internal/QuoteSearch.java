package org.openloop.crm.quoting.internal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerRenamed;
import org.openloop.crm.search.BatchedSearchSource;
import org.openloop.crm.search.SearchDocument;
import org.openloop.crm.search.SearchIndex;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Quotes in global search (K2): found by number, opportunity name and customer name, in the reader's scope. A quote
 * keeps the names it was made with and shows them; it is also found by its customer's current name, which comes from
 * {@code CustomerManagement.labels} (looked up lazily, as the customer module's search beans are built before it).
 */
@Component
public class QuoteSearch {

    public static final String TYPE = "quote";

    private final SearchIndex index;
    private final Quotes repository;
    private final BiConsumer<List<Quote>, Consumer<SearchDocument>> documents;

    QuoteSearch(SearchIndex index, Quotes repository, ObjectProvider<CustomerManagement> customers) {
        this.index = index;
        this.repository = repository;
        this.documents = documents(customers);
    }

    public void index(Quote record) {
        documents.accept(List.of(record), index::index);
    }

    /** A renamed customer's quotes are found by its new name. */
    @ApplicationModuleListener
    void on(CustomerRenamed renamed) {
        index.reindex(page -> repository.findByCustomerId(renamed.customerId(), page), documents);
    }

    public void remove(UUID id) {
        index.remove(TYPE, id);
    }

    static SearchDocument document(Quote r, String currentCustomerName) {
        String number = r.getNumber() + " v" + r.getQuoteVersion();
        return new SearchDocument(TYPE, r.getId(), r.getOwnerId(), r.getDepartmentId(), number,
                join(r.getCustomerName(), r.getOpportunityName()), "/quotes/" + r.getId(), false,
                Arrays.asList(r.getNumber(), number, r.getCustomerName(), r.getOpportunityName(), currentCustomerName),
                null);
    }

    static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " · " + b;
    }

    /** A batch's documents, with the current names of their customers read in one query. */
    static BiConsumer<List<Quote>, Consumer<SearchDocument>> documents(ObjectProvider<CustomerManagement> customers) {
        return BatchedSearchSource.labelled(Quote::getCustomerId, ids -> customers.getObject().labels(ids),
                QuoteSearch::document);
    }

    /** Feeds the index rebuild. */
    @Component
    static class Source extends BatchedSearchSource<Quote> {

        Source(Quotes repository, ObjectProvider<CustomerManagement> customers) {
            super(TYPE, "quote", false, repository::findAll, documents(customers));
        }
    }
}
