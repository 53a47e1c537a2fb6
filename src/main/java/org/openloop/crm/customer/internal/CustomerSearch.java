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
        return customerDocument(c.getId(), c.getOwnerId(), c.getDepartmentId(), c.getName(), c.getNumber(),
                c.isArchived(), c.getPhone(), c.getEmail());
    }

    static SearchDocument document(Contact contact, Customer customer) {
        return contactDocument(contact.getId(), contact.getOwnerId(), contact.getDepartmentId(), contact.getName(),
                contact.getTitle(), contact.getMobile(), contact.getOfficePhone(), contact.getEmail(),
                customer.getId(), customer.getName(), customer.isArchived());
    }

    /** A customer's document from its columns, for writers that hold no entity (the volume generator). */
    static SearchDocument customerDocument(java.util.UUID id, java.util.UUID ownerId, java.util.UUID departmentId,
            String name, String number, boolean archived, String phone, String email) {
        return new SearchDocument(CUSTOMER, id, ownerId, departmentId, name, number, "/customers/" + id, archived,
                Arrays.asList(name, number), Arrays.asList(phone, email));
    }

    /** A contact's document from its columns and its customer's. */
    static SearchDocument contactDocument(java.util.UUID id, java.util.UUID ownerId, java.util.UUID departmentId,
            String name, String title, String mobile, String officePhone, String email, java.util.UUID customerId,
            String customerName, boolean customerArchived) {
        String subtitle = title == null ? customerName : customerName + " · " + title;
        return new SearchDocument(CONTACT, id, ownerId, departmentId, name, subtitle, "/customers/" + customerId,
                customerArchived, List.of(name), Arrays.asList(mobile, officePhone, email));
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
