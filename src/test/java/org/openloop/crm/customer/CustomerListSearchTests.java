package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openloop.crm.testkit.ListSearch.q;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.ListSearch;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The customer list's text search ({@code q}). On PostgreSQL a term found in few customers is answered from the search
 * index and a common one from the list's columns; on H2 always from the columns. Either way the list, its count and
 * its export must find the same customers: by name part, number, phone and e-mail, phones and e-mails only for
 * readers with the sensitive right, archived ones only when asked for, and only in the reader's scope.
 */
@CrmIntegrationTest
class CustomerListSearchTests {

    @Autowired
    Api api;

    private ListSearch list;

    @BeforeEach
    void readList() {
        list = new ListSearch(api, "/api/v1/customers");
    }

    @Test
    @DisplayName("B1/K3/A4 the list's search finds a customer by name part, number, phone (however written) and "
            + "e-mail — phone and e-mail only with the sensitive right — and the count and export agree")
    void findsByEveryColumn() {
        String marker = TestData.unique();
        String phone = TestData.uniqueMobile();
        String email = "ls" + marker + "@example.com";
        var created = TestData.createCustomer(api, "sales1", Map.of("name", "列表搜索" + marker + "有限公司",
                "phone", phone, "email", email));
        String id = created.get("id").asString();
        String number = created.get("number").asString();

        String written = phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7);
        for (String text : List.of("搜索" + marker, number, phone, phone.substring(3, 9), written, email)) {
            assertThat(list.ids("admin", q(text))).as(text).containsExactly(id);
            assertThat(list.count("admin", q(text))).as(text).isEqualTo(1);
        }
        assertThat(list.ids("admin", "phone=" + URLEncoder.encode(written, StandardCharsets.UTF_8))).containsExactly(id);
        Api.Response export = api.get("/api/v1/customers/export?format=csv&" + q(phone)).as("admin").send();
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.text()).contains("列表搜索" + marker);
        assertThat(export.text().lines().filter(line -> !line.isBlank())).hasSize(2);

        var role = TestData.createRole(api, "COMPANY", false, Set.of("customer:view"));
        var masked = TestData.createUser(api, null, List.of(role));
        String token = api.createToken(masked.username(), masked.password());
        Api.Response byName = api.get("/api/v1/customers?size=100&" + q("搜索" + marker)).bearer(token).send();
        assertThat(byName.json().get("items").findValuesAsString("id")).containsExactly(id);
        Api.Response byPhone = api.get("/api/v1/customers?size=100&" + q(phone)).bearer(token).send();
        assertThat(byPhone.json().get("items").findValuesAsString("id")).isEmpty();
    }

    @Test
    @DisplayName("B1/B7/A3 the list's search keeps to the reader's scope and leaves archived customers out unless "
            + "asked; a term nobody has finds nothing")
    void scopeAndArchive() {
        String marker = TestData.unique();
        String own = TestData.createCustomer(api, "sales1", Map.of("name", "范围搜索" + marker + "A")).get("id")
                .asString();
        String other = TestData.createCustomer(api, "sales2", Map.of("name", "范围搜索" + marker + "B")).get("id")
                .asString();
        String archived = TestData.createCustomer(api, "sales1", Map.of("name", "范围搜索" + marker + "C")).get("id")
                .asString();
        assertThat(api.post("/api/v1/customers/" + archived + "/archive").as("sales1")
                .json(Map.of("reason", "结束合作")).send().status()).isEqualTo(200);

        assertThat(list.ids("sales1", q("范围搜索" + marker))).containsExactly(own);
        assertThat(list.count("sales1", q("范围搜索" + marker))).isEqualTo(1);
        assertThat(list.ids("sales1", q("范围搜索" + marker) + "&archived=true")).containsExactly(archived);
        assertThat(list.ids("sales2", q("范围搜索" + marker))).containsExactly(other);
        assertThat(list.ids("admin", q("范围搜索" + marker) + "&sort=name")).containsExactly(own, other);
        assertThat(list.ids("admin", q("查无此名" + marker))).isEmpty();
        assertThat(list.count("admin", q("查无此名" + marker))).isZero();
    }
}
