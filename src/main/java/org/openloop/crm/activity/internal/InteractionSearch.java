package org.openloop.crm.activity.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.search.SearchDocument;
import org.springframework.beans.factory.ObjectProvider;
import org.openloop.crm.search.SearchIndex;
import org.openloop.crm.search.SearchSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interactions in global search (K2): found by subject and customer name (never the summary), under the activity view
 * right, in the owner's and department's scope (participants who are neither do not find it). The customer's name
 * comes from {@code CustomerManagement.labels}, so rebuilds without a user index it too.
 */
@Component
public class InteractionSearch {

    public static final String TYPE = "interaction";

    private final SearchIndex index;
    private final ObjectProvider<CustomerManagement> customers;

    InteractionSearch(SearchIndex index, ObjectProvider<CustomerManagement> customers) {
        this.index = index;
        this.customers = customers;
    }

    public void index(Interaction record) {
        index.index(document(record, customers.getObject()
                .labels(java.util.Collections.singleton(record.getCustomerId())).get(record.getCustomerId())));
    }

    public void remove(UUID id) {
        index.remove(TYPE, id);
    }

    static SearchDocument document(Interaction r, String customerName) {
        String subject = r.getSubject() == null || r.getSubject().isBlank() ? "—" : r.getSubject();
        return new SearchDocument(TYPE, r.getId(), r.getOwnerId(), r.getDepartmentId(), subject, customerName,
                "/interactions/" + r.getId(), false, Arrays.asList(r.getSubject(), customerName), null);
    }

    /** Feeds the index rebuild. */
    @Component
    static class Source implements SearchSource {

        private final Interactions repository;
        private final ObjectProvider<CustomerManagement> customers;

        Source(Interactions repository, ObjectProvider<CustomerManagement> customers) {
            this.repository = repository;
            this.customers = customers;
        }

        @Override
        public String recordType() {
            return TYPE;
        }

        @Override
        public String permissionModule() {
            return "activity";
        }

        @Override
        @Transactional(readOnly = true)
        public void forEachDocument(Consumer<SearchDocument> sink) {
            SearchSource.inBatches(repository::findAll, (batch, out) -> {
                Map<UUID, String> names = customers.getObject().labels(
                        batch.stream().map(Interaction::getCustomerId).collect(Collectors.toSet()));
                batch.forEach(r -> out.accept(document(r, names.get(r.getCustomerId()))));
            }, sink);
        }
    }
}
