package org.openloop.crm.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

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
}
