package org.openloop.crm.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Records of other modules that show their customer's name in search follow a rename of the customer (K2): the
 * customer module publishes {@code CustomerRenamed} and each of those modules re-indexes that customer's records.
 */
@CrmIntegrationTest
class CustomerRenameSearchTests {

    @Autowired
    Api api;

    private List<String> paths(String query) {
        return CustomerRecordsFixture.paths(api, query);
    }

    @Test
    @DisplayName("K2: after a customer is renamed, its interaction, quote and contract are found by the new name")
    void renamedCustomersRecordsAreFoundByTheNewName() {
        String name = "改名前" + TestData.unique();
        CustomerRecordsFixture records = CustomerRecordsFixture.create(api, name);
        String customerPath = "/api/v1/customers/" + records.customer().get("id").asString();
        assertThat(paths(name)).contains(records.interactionPath(), records.quotePath(), records.contractPath());

        String renamed = "改名后" + TestData.unique();
        long version = CustomerRecordsFixture.created(api.get(customerPath).as("sales1").send()).get("version")
                .asLong();
        CustomerRecordsFixture.created(api.put(customerPath).as("sales1")
                .json(Map.of("name", renamed, "version", version)).send());

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(paths(renamed))
                .contains(records.interactionPath(), records.quotePath(), records.contractPath()));
        // interactions and contracts show the customer's name of today; a quote keeps the one it was made with
        assertThat(paths(name)).doesNotContain(records.interactionPath(), records.contractPath())
                .contains(records.quotePath());
    }

    @Test
    @DisplayName("B1: after a customer is renamed, its opportunities and collaboration tasks show and are listed by the new name")
    void renamedCustomersOpportunitiesAndCollaborationTasksShowTheNewName() {
        String name = "旧名" + TestData.unique();
        JsonNode customer = TestData.createCustomer(api, "sales1", Map.of("name", name));
        String customerId = customer.get("id").asString();
        String opportunityPath = "/api/v1/opportunities/" + CustomerRecordsFixture.created(api.post(
                "/api/v1/opportunities").as("sales1").json(Map.of("customerId", customerId, "name",
                        "商机" + TestData.unique(), "amount", "500.00")).send()).get("id").asString();
        Map<String, Object> task = new HashMap<>();
        task.put("customerId", customerId);
        task.put("userIds", List.of(DemoOrganization.load(api).user("sales2").id()));
        task.put("content", "协同" + TestData.unique());
        task.put("expectedAt", Instant.now().plus(3, ChronoUnit.DAYS).toString());
        task.put("priority", "NORMAL");
        String taskPath = "/api/v1/collaboration-tasks/" + CustomerRecordsFixture.created(api.post(
                "/api/v1/collaboration-tasks").as("sales1").json(task).send()).get("id").asString();

        String renamed = "新名" + TestData.unique();
        String customerPath = "/api/v1/customers/" + customerId;
        CustomerRecordsFixture.created(api.put(customerPath).as("sales1")
                .json(Map.of("name", renamed, "version", customer.get("version").asLong())).send());

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(api.get(opportunityPath).as("sales1").send().json().get("customerName").asString())
                    .isEqualTo(renamed);
            assertThat(api.get(taskPath).as("sales1").send().json().get("customerName").asString())
                    .isEqualTo(renamed);
        });
        assertThat(api.get("/api/v1/opportunities?q=" + renamed).as("sales1").send().json().get("items").toString())
                .contains(renamed);
    }
}
