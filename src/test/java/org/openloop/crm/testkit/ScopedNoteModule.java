package org.openloop.crm.testkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openloop.crm.testkit.DemoOrganization.DemoUser;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ScopedNote}s through {@link ScopedNoteApiController}: every verb, scope only (no permissions). */
final class ScopedNoteModule implements ScopedModule {

    private static final String PATH = "/api/v1/test/scoped-notes";

    private final Api api;
    private final JdbcClient jdbc;

    ScopedNoteModule(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "scoped note";
    }

    @Override
    public String permissionModule() {
        return null;
    }

    @Override
    public List<Verb> verbs() {
        return List.of(Verb.values());
    }

    @Override
    public UUID create(DemoUser owner, String title) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into scoped_note (id, title, owner_id, department_id, version) values (?, ?, ?, ?, 0)")
                .params(id, title, owner.id(), owner.departmentId()).update();
        return id;
    }

    @Override
    public Optional<Stored> stored(UUID id) {
        return jdbc.sql("select title, owner_id from scoped_note where id = ?").param(id)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getObject(2, UUID.class))).optional();
    }

    @Override
    public Api.Response detail(String username, UUID id) {
        return api.get(PATH + "/" + id).as(username).send();
    }

    @Override
    public Api.Response list(String username, String marker) {
        return api.get(PATH + "?size=100&title=" + marker).as(username).send();
    }

    @Override
    public Api.Response edit(String username, UUID id, String newTitle) {
        return api.put(PATH + "/" + id).as(username).json(Map.of("title", newTitle)).send();
    }

    @Override
    public Api.Response delete(String username, UUID id) {
        return api.delete(PATH + "/" + id).as(username).send();
    }

    @Override
    public Api.Response export(String username, String marker) {
        return api.get(PATH + "/export?format=csv&q=" + marker).as(username).send();
    }

    @Override
    public Api.Response assign(String username, UUID id, DemoUser assignee) {
        return api.post(PATH + "/" + id + "/transfer").as(username)
                .json(Map.of("assigneeId", assignee.id().toString())).send();
    }

    @Override
    public String assignee() {
        return "sales2";
    }

    @Override
    public String titleField() {
        return "title";
    }
}
