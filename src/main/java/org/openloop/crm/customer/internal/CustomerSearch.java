package org.openloop.crm.customer.internal;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.openloop.crm.search.SearchDocument;
import org.openloop.crm.search.SearchIndex;
import org.openloop.crm.search.SearchSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How customers and contacts appear in global search (K2): found by name, number, phone and e-mail (phones and
 * e-mails only by users allowed to see them, A4); archived customers stay findable (B7).
 */
@Component
public class CustomerSearch {

    public static final String CUSTOMER = "customer";
    public static final String CONTACT = "contact";

    private static final int BATCH = 500;

    private final SearchIndex index;
    private final Contacts contacts;

    CustomerSearch(SearchIndex index, Contacts contacts) {
        this.index = index;
        this.contacts = contacts;
    }

    /** Re-indexes a customer and, because their results show its name and scope, its contacts. */
    public void indexWithContacts(Customer customer) {
        index.index(document(customer));
        contacts.findByCustomerIdOrderByPrimaryContactDescNameAsc(customer.getId())
                .forEach(contact -> index.index(document(contact, customer)));
    }

    /** Indexes a customer just created: it has no contacts yet, so there are none to look up. */
    public void indexNew(Customer customer) {
        index.index(document(customer));
    }

    public void index(Contact contact, Customer customer) {
        index.index(document(contact, customer));
    }

    public void remove(Customer customer) {
        index.remove(CUSTOMER, customer.getId());
    }

    public void remove(Contact contact) {
        index.remove(CONTACT, contact.getId());
    }

    static SearchDocument document(Customer c) {
        return new SearchDocument(CUSTOMER, c.getId(), c.getOwnerId(), c.getDepartmentId(), c.getName(),
                c.getNumber(), "/customers/" + c.getId(), c.isArchived(), Arrays.asList(c.getName(), c.getNumber()),
                Arrays.asList(c.getPhone(), c.getEmail()));
    }

    static SearchDocument document(Contact contact, Customer customer) {
        String subtitle = contact.getTitle() == null ? customer.getName()
                : customer.getName() + " · " + contact.getTitle();
        return new SearchDocument(CONTACT, contact.getId(), contact.getOwnerId(), contact.getDepartmentId(),
                contact.getName(), subtitle, "/customers/" + customer.getId(), customer.isArchived(),
                List.of(contact.getName()),
                Arrays.asList(contact.getMobile(), contact.getOfficePhone(), contact.getEmail()));
    }

    @Component
    static class CustomerSource implements SearchSource {

        private final Customers customers;

        CustomerSource(Customers customers) {
            this.customers = customers;
        }

        @Override
        public String recordType() {
            return CUSTOMER;
        }

        @Override
        @Transactional(readOnly = true)
        public void forEachDocument(Consumer<SearchDocument> sink) {
            PageRequest page = PageRequest.of(0, BATCH, Sort.by("id"));
            Slice<Customer> slice;
            do {
                slice = customers.findAll(page);
                slice.forEach(c -> sink.accept(document(c)));
                page = page.next();
            }
            while (slice.hasNext());
        }
    }

    @Component
    static class ContactSource implements SearchSource {

        private final Contacts contacts;
        private final Customers customers;

        ContactSource(Contacts contacts, Customers customers) {
            this.contacts = contacts;
            this.customers = customers;
        }

        @Override
        public String recordType() {
            return CONTACT;
        }

        @Override
        @Transactional(readOnly = true)
        public void forEachDocument(Consumer<SearchDocument> sink) {
            PageRequest page = PageRequest.of(0, BATCH, Sort.by("id"));
            Slice<Contact> slice;
            do {
                slice = contacts.findAll(page);
                var owners = customers.findAllById(slice.map(Contact::getCustomerId).toSet()).stream()
                        .collect(java.util.stream.Collectors.toMap(Customer::getId, c -> c));
                slice.forEach(c -> sink.accept(document(c, owners.get(c.getCustomerId()))));
                page = page.next();
            }
            while (slice.hasNext());
        }
    }
}
