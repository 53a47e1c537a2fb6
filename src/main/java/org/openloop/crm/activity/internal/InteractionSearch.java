package org.openloop.crm.activity.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.search.SearchDocument;
import org.springframework.beans.factory.ObjectProvider;
import org.openloop.crm.search.SearchIndex;
import org.openloop.crm.search.SearchSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interactions in global search (K2): found by subject and customer name (never the summary), under the activity view right, in the owner's and department's scope (participants who are neither do not find it). The customer's name is looked up with the caller's
 * rights; when they (or a start-up rebuild without a user) may not read it, the record is indexed without it.
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
        index.index(document(record, customerNames(customers, Set.of(record.getCustomerId())).get(record.getCustomerId())));
    }

    public void remove(UUID id) {
        index.remove(TYPE, id);
    }

    static Map<UUID, String> customerNames(ObjectProvider<CustomerManagement> customers, Set<UUID> ids) {
        Set<UUID> known = ids.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        if (known.isEmpty()
                || org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication() == null) {
            // a rebuild at start-up runs without a user: the customer names stay out until the record changes
            return Map.of();
        }
        try {
            return customers.getObject().names(known);
        }
        catch (RuntimeException e) {
            return Map.of();
        }
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
            PageRequest page = PageRequest.of(0, 500, Sort.by("id"));
            Slice<Interaction> slice;
            do {
                slice = repository.findAll(page);
                Map<UUID, String> names = customerNames(customers,
                        slice.stream().map(Interaction::getCustomerId).collect(Collectors.toSet()));
                slice.forEach(r -> sink.accept(document(r, names.get(r.getCustomerId()))));
                page = page.next();
            }
            while (slice.hasNext());
        }
    }
}
