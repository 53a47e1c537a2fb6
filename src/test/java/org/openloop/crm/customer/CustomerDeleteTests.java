package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Hard delete (B7): administrators only, and only for customers without history. */
@CrmIntegrationTest
class CustomerDeleteTests {

    @Autowired
    Api api;

    @Test
    @DisplayName("B7: an administrator deletes a customer nothing happened to; it is gone from detail and search")
    void deletesFreshCustomer() {
        String name = "删除" + TestData.unique();
        String id = TestData.createCustomer(api, "sales1", Map.of("name", name)).get("id").asString();
        assertThat(api.delete("/api/v1/customers/" + id).as("manager").send().status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/customers/" + id).as("sales1").send().status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/customers/" + id).as("admin").send().status()).isEqualTo(204);
        assertThat(api.get("/api/v1/customers/" + id).as("admin").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/search?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                .as("admin").send().json().get("items")).isEmpty();
    }

    @Test
    @DisplayName("B7: a customer with history is refused with 409 and must be archived instead")
    void refusesCustomerWithHistory() {
        JsonNode created = TestData.createCustomer(api, "sales1", Map.of("name", "历史" + TestData.unique()));
        String id = created.get("id").asString();
        api.put("/api/v1/customers/" + id).as("sales1")
                .json(Map.of("name", "改名" + TestData.unique(), "version", created.get("version").asLong())).send();
        Api.Response refused = api.delete("/api/v1/customers/" + id).as("admin").send();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/customers/" + id).as("admin").send().status()).isEqualTo(200);
    }
}
