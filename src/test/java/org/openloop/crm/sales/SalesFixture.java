package org.openloop.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Creates customers and opportunities over the API and brings them into a given status. */
final class SalesFixture {

    static final String MANAGER = "manager";

    private final Api api;
    private final JdbcClient jdbc;

    SalesFixture(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    UUID customer(String username) {
        JsonNode customer = TestData.createCustomer(api, username, Map.of("name", "商机客户" + TestData.unique()));
        return UUID.fromString(customer.get("id").asString());
    }

    JsonNode opportunity(String username, UUID customerId, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("name", "商机" + TestData.unique());
        body.put("amount", "100000.00");
        body.putAll(extra);
        Api.Response created = api.post("/api/v1/opportunities").as(username).json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    JsonNode opportunity(String username) {
        return opportunity(username, customer(username), Map.of());
    }

    UUID lossReason(String name) {
        return jdbc.sql("select id from sales_loss_reason where name = :name").param("name", name)
                .query(UUID.class).single();
    }

    Api.Response step(String username, String id, String action, Map<String, Object> body) {
        return api.post("/api/v1/opportunities/" + id + "/" + action).as(username).json(body).send();
    }

    /** A new opportunity of the manager's, brought into {@code status} through the workflow. */
    String inStatus(OpportunityStatus status) {
        String id = opportunity(MANAGER).get("id").asString();
        switch (status) {
            case OPEN -> {
            }
            case WON -> ok(step(MANAGER, id, "win", Map.of()));
            case LOST -> ok(step(MANAGER, id, "lose", Map.of("lossReasonId", lossReason("价格过高"))));
            case CLOSED -> {
                ok(step(MANAGER, id, "win", Map.of()));
                ok(step(MANAGER, id, "close", Map.of()));
            }
        }
        return id;
    }

    JsonNode get(String username, String id) {
        return api.get("/api/v1/opportunities/" + id).as(username).send().json();
    }

    static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response;
    }
}
