package org.openloop.crm.customer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.openloop.crm.search.SearchDocument;
import org.openloop.crm.search.SearchIndex;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.search.SearchSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
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

    /** Rows read per query by the sources (named apart from SearchSource.BATCH, which the sources inherit). */
    static final int READ_BATCH = 1000;

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

    /**
     * A customer list request whose text search the index answers when few customers match (see
     * {@link org.openloop.crm.shared.IndexedSearch}). Customers' documents hold exactly the list's searchable columns
     * (name and number; phone and e-mail as sensitive text). Pool customers have no owner, so the pool's list
     * ({@code pool}) counts matches outside the reader's scope; every other list counts only those in it.
     */
    public ListRequest narrowCustomers(ListRequest request, boolean pool) {
        return index.narrow(request, CUSTOMER, !pool);
    }

    /**
     * A contact list request narrowed as {@link #narrowCustomers} narrows a customer list, up to
     * {@value #CONTACT_LIST_CAP} contacts. Contacts' documents hold the contact list's searchable columns: name and
     * title; mobile, office phone and e-mail as sensitive text.
     */
    public ListRequest narrowContacts(ListRequest request) {
        return index.narrow(request, CONTACT, true, CONTACT_LIST_CAP);
    }

    /**
     * The contact list is sorted by name, so the contacts a name search finds sit together in its order and the
     * columns are read past everything before them: a name shared by 2 500 of three million contacts took 13 s that
     * way, and 0.2 s from the index.
     */
    static final int CONTACT_LIST_CAP = 5000;

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

    /** Writes documents made by {@link #document} in one batch (creates of many records). */
    public void indexAll(java.util.Collection<SearchDocument> documents) {
        index.indexAll(documents);
    }

    public static SearchDocument document(Customer c) {
        return customerDocument(c.getId(), c.getOwnerId(), c.getDepartmentId(), c.getName(), c.getNumber(),
                c.isArchived(), c.getPhone(), c.getEmail());
    }

    public static SearchDocument document(Contact contact, Customer customer) {
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
                customerArchived, Arrays.asList(name, title), Arrays.asList(mobile, officePhone, email));
    }

    /**
     * Reads customers straight from their table in id order, {@value #READ_BATCH} per query with a keyset condition (no
     * offset, no entities kept in the persistence context), so a rebuild of a million customers reads each row once
     * and holds one batch at a time.
     */
    @Component
    static class CustomerSource implements SearchSource {

        private final JdbcTemplate jdbc;

        CustomerSource(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String recordType() {
            return CUSTOMER;
        }

        @Override
        @Transactional(readOnly = true)
        public void forEachDocument(Consumer<SearchDocument> sink) {
            String columns = "select id, owner_id, department_id, name, number, archived, phone, email, updated_at "
                    + "from customer ";
            RowMapper<SearchDocument> row = (rs, n) -> customerDocument(rs.getObject("id", UUID.class),
                    rs.getObject("owner_id", UUID.class), rs.getObject("department_id", UUID.class),
                    rs.getString("name"), rs.getString("number"), rs.getBoolean("archived"), rs.getString("phone"),
                    rs.getString("email")).asOf(changedAt(rs));
            inKeysetBatches(after -> after == null ? jdbc.query(columns + "order by id limit ?", row, READ_BATCH)
                    : jdbc.query(columns + "where id > ? order by id limit ?", row, after, READ_BATCH), sink);
        }
    }

    /** Reads contacts with their customer's name and state, in contact id order, as {@link CustomerSource} does. */
    @Component
    static class ContactSource implements SearchSource {

        private final JdbcTemplate jdbc;

        ContactSource(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String recordType() {
            return CONTACT;
        }

        @Override
        @Transactional(readOnly = true)
        public void forEachDocument(Consumer<SearchDocument> sink) {
            String columns = """
                    select k.id, k.owner_id, k.department_id, k.name, k.title, k.mobile, k.office_phone, k.email,
                        k.customer_id, c.name as customer_name, c.archived, k.updated_at
                    from contact k join customer c on c.id = k.customer_id
                    """;
            RowMapper<SearchDocument> row = (rs, n) -> contactDocument(rs.getObject("id", UUID.class),
                    rs.getObject("owner_id", UUID.class), rs.getObject("department_id", UUID.class),
                    rs.getString("name"), rs.getString("title"), rs.getString("mobile"), rs.getString("office_phone"),
                    rs.getString("email"), rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
                    rs.getBoolean("archived")).asOf(changedAt(rs));
            inKeysetBatches(after -> after == null ? jdbc.query(columns + "order by k.id limit ?", row, READ_BATCH)
                    : jdbc.query(columns + "where k.id > ? order by k.id limit ?", row, after, READ_BATCH), sink);
        }
    }

    /** When the row read last changed, so that a rebuild keeps the records' order of change (newest first). */
    private static Instant changedAt(ResultSet rs) throws SQLException {
        OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
        return updated == null ? null : updated.toInstant();
    }

    /** Hands over batches read by {@code batchAfter(lastId)} (null for the first) until one comes back short. */
    private static void inKeysetBatches(java.util.function.Function<UUID, List<SearchDocument>> batchAfter,
            Consumer<SearchDocument> sink) {
        UUID after = null;
        while (true) {
            List<SearchDocument> batch = batchAfter.apply(after);
            batch.forEach(sink);
            if (batch.size() < READ_BATCH) {
                return;
            }
            after = batch.get(batch.size() - 1).recordId();
        }
    }
}
