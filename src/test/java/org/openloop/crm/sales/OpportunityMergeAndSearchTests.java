package org.openloop.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Opportunities follow customer merges (B6) and are found by global search in the reader's scope (K2). */
@CrmIntegrationTest
class OpportunityMergeAndSearchTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("B6 F1 when two customers are merged, the merged one's opportunities move to the survivor")
    void followsMerges() throws InterruptedException {
        String marker = TestData.unique();
        String survivor = TestData.createCustomer(api, "sales1", Map.of("name", "商机合并甲" + marker)).get("id")
                .asString();
        String merged = TestData.createCustomer(api, "sales1", Map.of("name", "商机合并乙" + marker)).get("id")
                .asString();
        SalesFixture fixture = new SalesFixture(api, jdbc);
        String id = fixture.opportunity("sales1", java.util.UUID.fromString(merged), Map.of()).get("id").asString();
        Api.Response done = api.post("/api/v1/customers/" + survivor + "/merge").as("manager")
                .json(Map.of("mergedId", merged)).send();
        assertThat(done.status()).as("%s", done).isEqualTo(200);
        long deadline = System.currentTimeMillis() + 20_000;
        while (!survivor.equals(fixture.get("sales1", id).get("customerId").asString())) {
            assertThat(System.currentTimeMillis()).as("the opportunity moves").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(api.get("/api/v1/opportunities?customerId=" + survivor).as("sales1").send().text()).contains(id);
    }

    @Test
    @DisplayName("K2 F1 global search finds an opportunity by name and number, only for readers in scope")
    void search() {
        String name = "搜索商机" + TestData.unique();
        SalesFixture fixture = new SalesFixture(api, jdbc);
        var created = fixture.opportunity("sales1", fixture.customer("sales1"), Map.of("name", name));
        String id = created.get("id").asString();
        String byName = api.get("/api/v1/search?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).as("sales1")
                .send().text();
        assertThat(byName).contains("/opportunities/" + id);
        String byNumber = api.get("/api/v1/search?q=" + created.get("number").asString()).as("sales1").send().text();
        assertThat(byNumber).contains("/opportunities/" + id);
        String otherTeam = api.get("/api/v1/search?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .as("sales2").send().text();
        assertThat(otherTeam).doesNotContain(id);
    }
}
