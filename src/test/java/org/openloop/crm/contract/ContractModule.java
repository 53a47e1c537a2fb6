package org.openloop.crm.contract;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization.DemoUser;
import org.openloop.crm.testkit.ScopedModule;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The contract module for the scope matrix: {@code /api/v1/contracts} detail, filtered list, PUT, DELETE, CSV
 * export and transfer. Contracts are stored directly, because several demo roles may own or see contracts without making them.
 */
final class ContractModule implements ScopedModule {

    private final Api api;
    private final JdbcClient jdbc;

    ContractModule(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "contract";
    }

    @Override
    public String permissionModule() {
        return "contract";
    }

    @Override
    public List<Verb> verbs() {
        return List.of(Verb.DETAIL, Verb.LIST, Verb.EDIT, Verb.DELETE, Verb.EXPORT, Verb.ASSIGN);
    }

    @Override
    public UUID create(DemoUser owner, String title) {
        return ContractFixtures.contract(jdbc, owner, title, new BigDecimal("1000.00"));
    }

    @Override
    public Optional<Stored> stored(UUID id) {
        return jdbc.sql("select title, owner_id from contract where id = ?").param(id)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getObject(2, UUID.class))).optional();
    }

    @Override
    public Api.Response detail(String username, UUID id) {
        return api.get("/api/v1/contracts/" + id).as(username).send();
    }

    @Override
    public Api.Response list(String username, String marker) {
        return api.get("/api/v1/contracts?size=100&q=" + marker).as(username).send();
    }

    @Override
    public Api.Response edit(String username, UUID id, String newTitle) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", newTitle);
        body.put("kind", "CONTRACT");
        body.put("deliveryStatus", "NOT_SHIPPED");
        return api.put("/api/v1/contracts/" + id).as(username).json(body).send();
    }

    @Override
    public Api.Response delete(String username, UUID id) {
        return api.delete("/api/v1/contracts/" + id).as(username).send();
    }

    @Override
    public Api.Response export(String username, String marker) {
        return api.get("/api/v1/contracts/export?format=csv&q=" + marker).as(username).send();
    }

    @Override
    public Api.Response assign(String username, UUID id, DemoUser assignee) {
        return api.post("/api/v1/contracts/" + id + "/transfer").as(username)
                .json(Map.of("assigneeId", assignee.id().toString())).send();
    }

    @Override
    public String assignee() {
        return "manager";
    }

    @Override
    public String titleField() {
        return "title";
    }
}
