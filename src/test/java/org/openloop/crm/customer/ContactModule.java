package org.openloop.crm.customer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openloop.crm.search.SearchDocument;
import org.openloop.crm.search.SearchIndex;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization.DemoUser;
import org.openloop.crm.testkit.ScopedModule;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Contacts for the scope matrix: {@code /api/v1/contacts} detail, filtered list, PUT and DELETE. A contact carries
 * its customer's owner and department, so each record is stored with a customer of the same owner, and both are put
 * into the search index as the application does (the contact list's search reads it on PostgreSQL).
 */
public final class ContactModule implements ScopedModule {

    private final Api api;
    private final JdbcClient jdbc;
    private final SearchIndex index;

    public ContactModule(Api api, JdbcClient jdbc, SearchIndex index) {
        this.api = api;
        this.jdbc = jdbc;
        this.index = index;
    }

    @Override
    public String name() {
        return "contact";
    }

    @Override
    public String permissionModule() {
        return "contact";
    }

    @Override
    public List<Verb> verbs() {
        return List.of(Verb.DETAIL, Verb.LIST, Verb.EDIT, Verb.DELETE);
    }

    @Override
    public UUID create(DemoUser owner, String title) {
        String customerName = "客户 of " + title;
        UUID customer = CustomerModule.insert(jdbc, index, owner, customerName);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("insert into contact (id, customer_id, name, key_decision_maker, primary_contact, owner_id, "
                + "department_id, created_at, updated_at, version) values (?, ?, ?, false, false, ?, ?, ?, ?, 0)")
                .params(id, customer, title, owner.id(), owner.departmentId(), now, now).update();
        index.index(new SearchDocument("contact", id, owner.id(), owner.departmentId(), title, customerName,
                "/customers/" + customer, false, java.util.Arrays.asList(title, null),
                java.util.Arrays.asList(null, null, null)));
        return id;
    }

    @Override
    public Optional<Stored> stored(UUID id) {
        return jdbc.sql("select name, owner_id from contact where id = ?").param(id)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getObject(2, UUID.class))).optional();
    }

    @Override
    public Api.Response detail(String username, UUID id) {
        return api.get("/api/v1/contacts/" + id).as(username).send();
    }

    @Override
    public Api.Response list(String username, String marker) {
        return api.get("/api/v1/contacts?size=100&keyDecisionMaker=false&q=" + marker).as(username).send();
    }

    @Override
    public Api.Response edit(String username, UUID id, String newTitle) {
        UUID customer = jdbc.sql("select customer_id from contact where id = ?").param(id).query(UUID.class).single();
        return api.put("/api/v1/contacts/" + id).as(username)
                .json(Map.of("customerId", customer.toString(), "name", newTitle)).send();
    }

    @Override
    public Api.Response delete(String username, UUID id) {
        return api.delete("/api/v1/contacts/" + id).as(username).send();
    }

    @Override
    public Api.Response export(String username, String marker) {
        throw new UnsupportedOperationException("contacts have no export yet");
    }

    @Override
    public Api.Response assign(String username, UUID id, DemoUser assignee) {
        throw new UnsupportedOperationException("contacts follow their customer's owner");
    }

    @Override
    public String assignee() {
        return "manager";
    }

    @Override
    public String titleField() {
        return "name";
    }
}
