package org.openloop.crm.contract.internal;

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
 * Contracts in global search (K2): found by number, title and customer name (never amounts), in the reader's scope.
 * The customer's name comes from {@code CustomerManagement.labels}, so rebuilds without a user index it too; the
 * facade is looked up lazily because the customer module's search beans are built before it.
 */
@Component
public class ContractSearch {

    public static final String TYPE = "contract";

    private final SearchIndex index;
    private final ObjectProvider<CustomerManagement> customers;

    ContractSearch(SearchIndex index, ObjectProvider<CustomerManagement> customers) {
        this.index = index;
        this.customers = customers;
    }

    public void index(Contract record) {
        index.index(document(record, customers.getObject()
                .labels(java.util.Collections.singleton(record.getCustomerId())).get(record.getCustomerId())));
    }

    public void remove(UUID id) {
        index.remove(TYPE, id);
    }

    static SearchDocument document(Contract r, String customerName) {
        return new SearchDocument(TYPE, r.getId(), r.getOwnerId(), r.getDepartmentId(), r.getTitle(),
                customerName == null ? r.getNumber() : r.getNumber() + " · " + customerName,
                "/contracts/" + r.getId(), false, Arrays.asList(r.getNumber(), r.getTitle(), customerName), null);
    }

    /** Feeds the index rebuild. */
    @Component
    static class Source implements SearchSource {

        private final Contracts repository;
        private final ObjectProvider<CustomerManagement> customers;

        Source(Contracts repository, ObjectProvider<CustomerManagement> customers) {
            this.repository = repository;
            this.customers = customers;
        }

        @Override
        public String recordType() {
            return TYPE;
        }

        @Override
        public String permissionModule() {
            return "contract";
        }

        @Override
        @Transactional(readOnly = true)
        public void forEachDocument(Consumer<SearchDocument> sink) {
            SearchSource.inBatches(repository::findAll, (batch, out) -> {
                Map<UUID, String> names = customers.getObject().labels(
                        batch.stream().map(Contract::getCustomerId).collect(Collectors.toSet()));
                batch.forEach(r -> out.accept(document(r, names.get(r.getCustomerId()))));
            }, sink);
        }
    }
}
