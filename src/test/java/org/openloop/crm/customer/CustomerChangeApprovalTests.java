package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Key-field change approval (A7) through the API. */
@CrmIntegrationTest
class CustomerChangeApprovalTests {

    @Autowired
    Api api;

    @BeforeEach
    void keyFields() {
        Api.Response chosen = api.put("/api/v1/customer-key-fields").as("admin")
                .json(Map.of("fields", List.of("name", "level", "phone"))).send();
        assertThat(chosen.status()).as("%s", chosen).isEqualTo(200);
    }

    @AfterEach
    void noKeyFields() {
        api.put("/api/v1/customer-key-fields").as("admin").json(Map.of("fields", List.of())).send();
    }

    private JsonNode update(String username, JsonNode customer, Map<String, Object> changes) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", customer.get("name").asString());
        body.put("level", customer.get("level").asString());
        body.put("industry", customer.get("industry").isNull() ? null : customer.get("industry").asString());
        body.put("version", customer.get("version").asLong());
        body.putAll(changes);
        Api.Response response = api.put("/api/v1/customers/" + customer.get("id").asString()).as(username).json(body)
                .send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    @Test
    @DisplayName("A7: a rep's change to a key field waits; other fields change at once; the owner sees it pending")
    void keyFieldChangeWaits() {
        JsonNode customer = TestData.createCustomer(api, "sales1", Map.of("name", "审批前" + TestData.unique()));
        JsonNode updated = update("sales1", customer, Map.of("name", "审批后" + TestData.unique(), "level", "VIP",
                "industry", "能源"));
        assertThat(updated.get("name").asString()).isEqualTo(customer.get("name").asString());
        assertThat(updated.get("level").asString()).isEqualTo("NORMAL");
        assertThat(updated.get("industry").asString()).isEqualTo("能源");
        assertThat(updated.get("pendingChanges").toString()).contains("name", "level");

        Api.Response again = api.put("/api/v1/customers/" + customer.get("id").asString()).as("sales1")
                .json(Map.of("name", "再改" + TestData.unique(), "version", updated.get("version").asLong())).send();
        assertThat(again.status()).as("one pending change per field").isEqualTo(409);
    }

    @Test
    @DisplayName("A7: the department's manager approves (the value changes) or rejects (it stays); reps cannot decide")
    void managerDecides() {
        JsonNode customer = TestData.createCustomer(api, "sales1", Map.of("name", "待批" + TestData.unique()));
        String newName = "已批" + TestData.unique();
        update("sales1", customer, Map.of("name", newName, "level", "KEY"));
        String id = customer.get("id").asString();
        JsonNode requests = api.get("/api/v1/customers/" + id + "/change-requests").as("sales1").send().json();
        assertThat(requests).hasSize(2);
        String nameRequest = null;
        String levelRequest = null;
        for (JsonNode r : requests) {
            if (r.get("field").asString().equals("name")) {
                nameRequest = r.get("id").asString();
            }
            else {
                levelRequest = r.get("id").asString();
            }
        }
        assertThat(api.post("/api/v1/customer-change-requests/" + nameRequest + "/approve").as("sales1").send()
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/customer-change-requests").as("manager").send().text()).contains(nameRequest);
        assertThat(api.get("/api/v1/customer-change-requests").as("admin").send().text()).contains(nameRequest);

        Api.Response approved = api.post("/api/v1/customer-change-requests/" + nameRequest + "/approve").as("manager")
                .json(Map.of("note", "核实无误")).send();
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        Api.Response rejected = api.post("/api/v1/customer-change-requests/" + levelRequest + "/reject").as("manager")
                .send();
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");

        JsonNode after = api.get("/api/v1/customers/" + id).as("sales1").send().json();
        assertThat(after.get("name").asString()).isEqualTo(newName);
        assertThat(after.get("level").asString()).isEqualTo("NORMAL");
        assertThat(after.get("pendingChanges")).isEmpty();
        assertThat(api.post("/api/v1/customer-change-requests/" + nameRequest + "/approve").as("manager").send()
                .status()).isEqualTo(409);
        assertThat(api.get("/api/v1/customers/" + id + "/audit").as("manager").send().text())
                .contains("changeRequest.name");
    }

    @Test
    @DisplayName("A7/A4: managers change key fields directly; a masked phone in a request is masked for readers")
    void managersAndMasking() {
        JsonNode customer = TestData.createCustomer(api, "sales1",
                Map.of("name", "直改" + TestData.unique(), "phone", "13700001111"));
        JsonNode direct = update("manager", customer, Map.of("level", "VIP"));
        assertThat(direct.get("level").asString()).isEqualTo("VIP");
        assertThat(direct.get("pendingChanges")).isEmpty();

        update("sales1", direct, Map.of("phone", "13700002222"));
        String id = customer.get("id").asString();
        // the service specialist sees every customer but has no sensitive right
        String asRequester = api.get("/api/v1/customers/" + id + "/change-requests").as("sales1").send().text();
        assertThat(asRequester).contains("13700002222");
        String asService = api.get("/api/v1/customers/" + id + "/change-requests").as("service1").send().text();
        assertThat(asService).doesNotContain("13700002222").contains("137****2222");
    }

    @Test
    @DisplayName("A7: only administrators choose the key fields, and only known fields")
    void choosingKeyFields() {
        assertThat(api.put("/api/v1/customer-key-fields").as("manager").json(Map.of("fields", List.of("name"))).send()
                .status()).isEqualTo(403);
        assertThat(api.put("/api/v1/customer-key-fields").as("admin").json(Map.of("fields", List.of("ownerId")))
                .send().status()).isEqualTo(422);
    }
}
