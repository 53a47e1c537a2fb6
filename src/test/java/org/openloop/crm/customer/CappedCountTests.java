package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.customer.internal.Customer;
import org.openloop.crm.platform.ListCounts;
import org.openloop.crm.shared.CappedCount;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.persistence.EntityManager;

/**
 * List counts (K3): exact up to the cap, then "more than", computed with the list's own filters and the reader's data
 * scope, on the page and in the API.
 */
@CrmIntegrationTest
class CappedCountTests {

    @Autowired
    Api api;

    @Autowired
    EntityManager entityManager;

    @Autowired
    TransactionTemplate transactions;

    @Test
    @DisplayName("K3 the customer count follows the list's filters and the reader's scope")
    void countFollowsFiltersAndScope() {
        String prefix = "计数" + TestData.unique();
        for (int i = 0; i < 3; i++) {
            TestData.createCustomer(api, "sales1", Map.of("name", prefix + "客户" + i));
        }
        Api.Response mine = api.get("/api/v1/customers/count?q=" + prefix).as("sales1").send();
        assertThat(mine.status()).as("%s", mine).isEqualTo(200);
        assertThat(mine.json().get("value").asLong()).isEqualTo(3);
        assertThat(mine.json().get("more").asBoolean()).isFalse();
        assertThat(mine.json().get("display").asString()).isEqualTo("3");

        Api.Response otherTeam = api.get("/api/v1/customers/count?q=" + prefix).as("sales2").send();
        assertThat(otherTeam.json().get("value").asLong()).isZero();

        Api.Response filtered = api.get("/api/v1/customers/count?q=" + prefix + "客户1").as("sales1").send();
        assertThat(filtered.json().get("value").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("K3 the list page loads its count after the rows, in the user's language")
    void pageShowsCount() {
        String prefix = "页计数" + TestData.unique();
        TestData.createCustomer(api, "sales1", Map.of("name", prefix + "甲"));
        TestData.createCustomer(api, "sales1", Map.of("name", prefix + "乙"));
        WebSession web = new WebSession(api);
        web.login("sales1", "demo123");
        assertThat(web.get("/customers?q=" + prefix).text()).contains("data-testid=\"list-count-slot\"")
                .contains("/customers/count?q=");
        assertThat(web.get("/customers/count?q=" + prefix + "&lang=zh-CN").text()).contains("共 2 条");
        assertThat(web.get("/customers/count?q=" + prefix + "&lang=en").text()).contains("2 in all");
    }

    @Test
    @DisplayName("K3 above the cap the count stops reading and says \"more than\"")
    void countStopsAtTheCap() {
        TestData.createCustomer(api, "sales1", Map.of("name", "封顶" + TestData.unique()));
        TestData.createCustomer(api, "sales1", Map.of("name", "封顶" + TestData.unique()));
        ListCounts smallCap = new ListCounts(entityManager, 1);
        Specification<Customer> all = (root, query, cb) -> cb.conjunction();
        CappedCount count = transactions.execute(status -> smallCap.count(Customer.class, all));
        assertThat(count).isEqualTo(new CappedCount(1, true));
        assertThat(count.display()).isEqualTo("1+");
        ListCounts largeCap = new ListCounts(entityManager, Integer.MAX_VALUE - 1);
        CappedCount exact = transactions.execute(status -> largeCap.count(Customer.class, all));
        assertThat(exact.more()).isFalse();
        assertThat(exact.value()).isGreaterThanOrEqualTo(2);
    }
}
