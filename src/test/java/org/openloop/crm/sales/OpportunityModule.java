package org.openloop.crm.sales;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openloop.crm.customer.CustomerModule;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization.DemoUser;
import org.openloop.crm.testkit.ScopedModule;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opportunities for the scope matrix: {@code /api/v1/opportunities} detail, filtered list, PUT, CSV export and
 * assignment. Opportunities are lost or closed, never deleted, so there is no delete verb. Each record is stored
 * directly, on a customer of the same owner, in the default pipeline's first stage.
 */
final class OpportunityModule implements ScopedModule {

    static final UUID PIPELINE = UUID.fromString("7a000000-0000-4000-8000-000000000001");
    static final UUID FIRST_STAGE = UUID.fromString("7a000000-0000-4000-8000-000000000011");

    private final Api api;
    private final JdbcClient jdbc;

    OpportunityModule(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "opportunity";
    }

    @Override
    public String permissionModule() {
        return "opportunity";
    }

    @Override
    public List<Verb> verbs() {
        return List.of(Verb.DETAIL, Verb.LIST, Verb.EDIT, Verb.EXPORT, Verb.ASSIGN);
    }

    static UUID insert(JdbcClient jdbc, DemoUser owner, String name) {
        UUID customer = CustomerModule.insert(jdbc, owner, "客户 of " + name);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("insert into opportunity (id, number, name, customer_id, customer_name, amount, currency, "
                + "pipeline_id, stage_id, probability, status, owner_id, department_id, stage_entered_at, version, "
                + "created_at, updated_at) values (?, ?, ?, ?, ?, 1000.00, 'CNY', ?, ?, 10, 'OPEN', ?, ?, ?, 0, ?, ?)")
                .params(id, "T" + id.toString().replace("-", "").substring(0, 20), name, customer, "客户 of " + name,
                        PIPELINE, FIRST_STAGE, owner.id(), owner.departmentId(), now, now, now)
                .update();
        return id;
    }

    @Override
    public UUID create(DemoUser owner, String title) {
        return insert(jdbc, owner, title);
    }

    @Override
    public Optional<Stored> stored(UUID id) {
        return jdbc.sql("select name, owner_id from opportunity where id = ?").param(id)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getObject(2, UUID.class))).optional();
    }

    @Override
    public Api.Response detail(String username, UUID id) {
        return api.get("/api/v1/opportunities/" + id).as(username).send();
    }

    @Override
    public Api.Response list(String username, String marker) {
        return api.get("/api/v1/opportunities?size=100&status=OPEN&q=" + marker).as(username).send();
    }

    @Override
    public Api.Response edit(String username, UUID id, String newTitle) {
        UUID customer = jdbc.sql("select customer_id from opportunity where id = ?").param(id).query(UUID.class)
                .single();
        return api.put("/api/v1/opportunities/" + id).as(username)
                .json(Map.of("customerId", customer, "name", newTitle, "amount", "1000.00")).send();
    }

    @Override
    public Api.Response delete(String username, UUID id) {
        throw new UnsupportedOperationException("opportunities are lost or closed, never deleted");
    }

    @Override
    public Api.Response export(String username, String marker) {
        return api.get("/api/v1/opportunities/export?format=csv&status=OPEN&q=" + marker).as(username).send();
    }

    @Override
    public Api.Response assign(String username, UUID id, DemoUser assignee) {
        return api.post("/api/v1/opportunities/" + id + "/assign").as(username)
                .json(Map.of("assigneeId", assignee.id().toString())).send();
    }

    @Override
    public String assignee() {
        return "admin";
    }

    @Override
    public String titleField() {
        return "name";
    }
}
