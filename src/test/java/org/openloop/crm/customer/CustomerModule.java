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
 * The customer module for the scope matrix: {@code /api/v1/customers} detail, filtered list, PUT, CSV export and
 * transfer. Customers are archived, never deleted (B7), so there is no delete verb. Records are stored directly,
 * because several demo roles may not create customers but may still own or see them, and put into the search index
 * as the application does for every customer it writes (the list's search reads it on PostgreSQL).
 */
public final class CustomerModule implements ScopedModule {

    private final Api api;
    private final JdbcClient jdbc;
    private final SearchIndex index;

    public CustomerModule(Api api, JdbcClient jdbc, SearchIndex index) {
        this.api = api;
        this.jdbc = jdbc;
        this.index = index;
    }

    @Override
    public String name() {
        return "customer";
    }

    @Override
    public String permissionModule() {
        return "customer";
    }

    @Override
    public List<Verb> verbs() {
        return List.of(Verb.DETAIL, Verb.LIST, Verb.EDIT, Verb.EXPORT, Verb.ASSIGN);
    }

    /** Stores a customer as the demo data does: owner and owner's department, type 意向 (TARGET). */
    public static UUID insert(JdbcClient jdbc, DemoUser owner, String name) {
        return insert(jdbc, null, owner, name);
    }

    /** As {@link #insert(JdbcClient, DemoUser, String)}, and indexes it for search when {@code index} is given. */
    public static UUID insert(JdbcClient jdbc, SearchIndex index, DemoUser owner, String name) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String number = "T" + id.toString().replace("-", "").substring(0, 20);
        jdbc.sql("insert into customer (id, number, name, type, level, owner_id, department_id, archived, created_at, "
                + "updated_at, version) values (?, ?, ?, 'TARGET', 'NORMAL', ?, ?, false, ?, ?, 0)")
                .params(id, number, name, owner.id(), owner.departmentId(), now, now)
                .update();
        if (index != null) {
            index.index(new SearchDocument("customer", id, owner.id(), owner.departmentId(), name, number,
                    "/customers/" + id, false, List.of(name, number), java.util.Arrays.asList(null, null)));
        }
        return id;
    }

    @Override
    public UUID create(DemoUser owner, String title) {
        return insert(jdbc, index, owner, title);
    }

    @Override
    public Optional<Stored> stored(UUID id) {
        return jdbc.sql("select name, owner_id from customer where id = ?").param(id)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getObject(2, UUID.class))).optional();
    }

    @Override
    public Api.Response detail(String username, UUID id) {
        return api.get("/api/v1/customers/" + id).as(username).send();
    }

    @Override
    public Api.Response list(String username, String marker) {
        return api.get("/api/v1/customers?size=100&type=TARGET&q=" + marker).as(username).send();
    }

    @Override
    public Api.Response edit(String username, UUID id, String newTitle) {
        return api.put("/api/v1/customers/" + id).as(username).json(Map.of("name", newTitle)).send();
    }

    @Override
    public Api.Response delete(String username, UUID id) {
        throw new UnsupportedOperationException("customers are archived, never deleted");
    }

    @Override
    public Api.Response export(String username, String marker) {
        return api.get("/api/v1/customers/export?format=csv&type=TARGET&q=" + marker).as(username).send();
    }

    @Override
    public Api.Response assign(String username, UUID id, DemoUser assignee) {
        return api.post("/api/v1/customers/" + id + "/transfer").as(username)
                .json(Map.of("assigneeId", assignee.id().toString())).send();
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
