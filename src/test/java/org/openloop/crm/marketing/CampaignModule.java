package org.openloop.crm.marketing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization.DemoUser;
import org.openloop.crm.testkit.ScopedModule;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Campaigns for the scope matrix: detail, filtered list, PUT and CSV export of {@code /api/v1/campaigns}. Records
 * are stored directly, because reps may not create campaigns but are given some to own.
 */
final class CampaignModule implements ScopedModule {

    private final Api api;
    private final JdbcClient jdbc;

    CampaignModule(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    static UUID insert(JdbcClient jdbc, DemoUser owner, String name) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("insert into campaign (id, name, type, status, currency, form_enabled, form_token, owner_id, "
                + "department_id, version, created_at, updated_at) values (?, ?, 'CONFERENCE', 'PLANNED', 'CNY', "
                + "false, ?, ?, ?, 0, ?, ?)")
                .params(id, name, UUID.randomUUID().toString(), owner.id(), owner.departmentId(), now, now)
                .update();
        return id;
    }

    @Override
    public String name() {
        return "campaign";
    }

    @Override
    public String permissionModule() {
        return "campaign";
    }

    @Override
    public List<Verb> verbs() {
        return List.of(Verb.DETAIL, Verb.LIST, Verb.EDIT, Verb.EXPORT);
    }

    @Override
    public UUID create(DemoUser owner, String title) {
        return insert(jdbc, owner, title);
    }

    @Override
    public Optional<Stored> stored(UUID id) {
        return jdbc.sql("select name, owner_id from campaign where id = ?").param(id)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getObject(2, UUID.class))).optional();
    }

    @Override
    public Api.Response detail(String username, UUID id) {
        return api.get("/api/v1/campaigns/" + id).as(username).send();
    }

    @Override
    public Api.Response list(String username, String marker) {
        return api.get("/api/v1/campaigns?size=100&q=" + marker).as(username).send();
    }

    @Override
    public Api.Response edit(String username, UUID id, String newTitle) {
        return api.put("/api/v1/campaigns/" + id).as(username).json(Map.of("name", newTitle, "type", "CONFERENCE"))
                .send();
    }

    @Override
    public Api.Response delete(String username, UUID id) {
        throw new UnsupportedOperationException("campaigns are cancelled, never deleted");
    }

    @Override
    public Api.Response export(String username, String marker) {
        return api.get("/api/v1/campaigns/export?format=csv&q=" + marker).as(username).send();
    }

    @Override
    public Api.Response assign(String username, UUID id, DemoUser assignee) {
        throw new UnsupportedOperationException("no assignment of campaigns");
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
