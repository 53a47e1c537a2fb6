package org.openloop.crm.contract.internal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerRenamed;
import org.openloop.crm.search.BatchedSearchSource;
import org.openloop.crm.search.SearchDocument;
import org.springframework.beans.factory.ObjectProvider;
import org.openloop.crm.search.SearchIndex;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Contracts in global search (K2): found by number, title and customer name (never amounts), in the reader's scope.
 * The customer's name comes from {@code CustomerManagement.labels}, so rebuilds without a user index it too; the
 * facade is looked up lazily because the customer module's search beans are built before it.
 */
@Component
public class ContractSearch {

    public static final String TYPE = "contract";

    private final SearchIndex index;
    private final Contracts repository;
    private final BiConsumer<List<Contract>, Consumer<SearchDocument>> documents;

    ContractSearch(SearchIndex index, Contracts repository, ObjectProvider<CustomerManagement> customers) {
        this.index = index;
        this.repository = repository;
        this.documents = documents(customers);
    }

    public void index(Contract record) {
        documents.accept(List.of(record), index::index);
    }

    /** A renamed customer's contracts show its new name. */
    @ApplicationModuleListener
    void on(CustomerRenamed renamed) {
        index.reindex(page -> repository.findByCustomerId(renamed.customerId(), page), documents);
    }

    public void remove(UUID id) {
        index.remove(TYPE, id);
    }

    static SearchDocument document(Contract r, String customerName) {
        return new SearchDocument(TYPE, r.getId(), r.getOwnerId(), r.getDepartmentId(), r.getTitle(),
                customerName == null ? r.getNumber() : r.getNumber() + " · " + customerName,
                "/contracts/" + r.getId(), false, Arrays.asList(r.getNumber(), r.getTitle(), customerName), null);
    }

    /** A batch's documents, with the current names of their customers read in one query. */
    static BiConsumer<List<Contract>, Consumer<SearchDocument>> documents(
            ObjectProvider<CustomerManagement> customers) {
        return BatchedSearchSource.labelled(Contract::getCustomerId, ids -> customers.getObject().labels(ids),
                ContractSearch::document);
    }

    /** Feeds the index rebuild. */
    @Component
    static class Source extends BatchedSearchSource<Contract> {

        Source(Contracts repository, ObjectProvider<CustomerManagement> customers) {
            super(TYPE, "contract", false, repository::findAll, documents(customers));
        }
    }
}
