package org.openloop.crm.activity.internal;

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
 * Interactions in global search (K2): found by subject and customer name (never the summary), under the activity view
 * right, in the owner's and department's scope (participants who are neither do not find it). The customer's name
 * comes from {@code CustomerManagement.labels}, so rebuilds without a user index it too.
 */
@Component
public class InteractionSearch {

    public static final String TYPE = "interaction";

    private final SearchIndex index;
    private final Interactions repository;
    private final BiConsumer<List<Interaction>, Consumer<SearchDocument>> documents;

    InteractionSearch(SearchIndex index, Interactions repository, ObjectProvider<CustomerManagement> customers) {
        this.index = index;
        this.repository = repository;
        this.documents = documents(customers);
    }

    public void index(Interaction record) {
        documents.accept(List.of(record), index::index);
    }

    /** A renamed customer's interactions show its new name. */
    @ApplicationModuleListener
    void on(CustomerRenamed renamed) {
        index.reindex(page -> repository.findByCustomerId(renamed.customerId(), page), documents);
    }

    public void remove(UUID id) {
        index.remove(TYPE, id);
    }

    static SearchDocument document(Interaction r, String customerName) {
        String subject = r.getSubject() == null || r.getSubject().isBlank() ? "—" : r.getSubject();
        return new SearchDocument(TYPE, r.getId(), r.getOwnerId(), r.getDepartmentId(), subject, customerName,
                "/interactions/" + r.getId(), false, Arrays.asList(r.getSubject(), customerName), null);
    }

    /** A batch's documents, with the current names of their customers read in one query. */
    static BiConsumer<List<Interaction>, Consumer<SearchDocument>> documents(
            ObjectProvider<CustomerManagement> customers) {
        return BatchedSearchSource.labelled(Interaction::getCustomerId, ids -> customers.getObject().labels(ids),
                InteractionSearch::document);
    }

    /** Feeds the index rebuild. */
    @Component
    static class Source extends BatchedSearchSource<Interaction> {

        Source(Interactions repository, ObjectProvider<CustomerManagement> customers) {
            super(TYPE, "activity", false, repository::findAll, documents(customers));
        }
    }
}
