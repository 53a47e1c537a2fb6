package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The type-ahead of every customer select: its options come from the reader's data scope only, keep the current
 * choice, leave archived customers out and are escaped.
 */
@CrmIntegrationTest
class CustomerChoicesTests {

    @Autowired
    Api api;

    private WebSession signedIn(String username, String password) {
        WebSession session = new WebSession(api);
        session.login(username, password);
        return session;
    }

    private static String choices(WebSession session, String query, String selected, String blank) {
        return choices(session, "customer", query, selected, blank);
    }

    private static String choices(WebSession session, String kind, String query, String selected, String blank) {
        Api.Response response = session.get("/" + kind + "s/choices?pickerQuery="
                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)
                + (selected == null ? "" : "&" + kind + "Id=" + selected) + "&blank=" + blank + "&lang=en");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.text();
    }

    @Test
    @DisplayName("B1/K2/A3 typing in a customer select finds the reader's customers by name, number or phone — not "
            + "another team's, not archived ones")
    void findsInScope() {
        String marker = TestData.unique();
        String phone = TestData.uniqueMobile();
        var own = TestData.createCustomer(api, "sales1", Map.of("name", "选择器" + marker + "甲", "phone", phone));
        String ownId = own.get("id").asString();
        String otherTeam = TestData.createCustomer(api, "sales2", Map.of("name", "选择器" + marker + "乙"))
                .get("id").asString();
        String archived = TestData.createCustomer(api, "sales1", Map.of("name", "选择器" + marker + "丙"))
                .get("id").asString();
        assertThat(api.post("/api/v1/customers/" + archived + "/archive").as("sales1")
                .json(Map.of("reason", "不再合作")).send().status()).isEqualTo(200);

        WebSession sales1 = signedIn("sales1", "demo123");
        String byName = choices(sales1, "选择器" + marker, null, "choose");
        assertThat(byName).contains("value=\"" + ownId + "\"").contains(own.get("number").asString() + " 选择器")
                .doesNotContain(otherTeam).doesNotContain(archived).contains("<option value=\"\">Choose…</option>");
        assertThat(choices(sales1, own.get("number").asString(), null, "none")).contains(ownId)
                .contains("<option value=\"\">— none —</option>");
        assertThat(choices(sales1, phone.substring(3), null, "")).contains(ownId).doesNotContain("value=\"\"");

        WebSession sales2 = signedIn("sales2", "demo123");
        assertThat(choices(sales2, "选择器" + marker, null, "choose")).contains(otherTeam).doesNotContain(ownId);
    }

    @Test
    @DisplayName("B2/A3 a contact select finds the reader's contacts by name or mobile, labelled with their customer, "
            + "and keeps the current choice")
    void contacts() {
        String marker = TestData.unique();
        String mobile = TestData.uniqueMobile();
        String customerId = TestData.createCustomer(api, "sales1", Map.of("name", "联系人选择" + marker)).get("id")
                .asString();
        Api.Response created = api.post("/api/v1/contacts").as("sales1").json(Map.of("customerId", customerId,
                "name", "钱" + marker, "title", "采购", "mobile", mobile)).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String contactId = created.json().get("id").asString();

        WebSession sales1 = signedIn("sales1", "demo123");
        assertThat(choices(sales1, "contact", "钱" + marker, null, "choose")).contains("value=\"" + contactId + "\"")
                .contains("钱" + marker + " · 联系人选择" + marker + " · 采购");
        assertThat(choices(sales1, "contact", mobile.substring(2), null, "choose")).contains(contactId);
        assertThat(choices(sales1, "contact", "查无此人" + marker, contactId, "choose"))
                .contains("value=\"" + contactId + "\" selected=\"selected\"");
        WebSession sales2 = signedIn("sales2", "demo123");
        assertThat(choices(sales2, "contact", "钱" + marker, null, "choose")).doesNotContain(contactId);
        assertThat(choices(sales2, "contact", "查无此人" + marker, contactId, "choose")).doesNotContain(contactId)
                .doesNotContain("钱" + marker);
    }

    @Test
    @DisplayName("B1/A3 the current choice stays first and selected whatever is typed, unless the reader may not see it")
    void keepsTheCurrentChoice() {
        String marker = TestData.unique();
        String ownId = TestData.createCustomer(api, "sales1", Map.of("name", "当前选择" + marker)).get("id")
                .asString();
        String otherTeam = TestData.createCustomer(api, "sales2", Map.of("name", "别组选择" + marker)).get("id")
                .asString();
        WebSession sales1 = signedIn("sales1", "demo123");

        String kept = choices(sales1, "查无此客户" + marker, ownId, "choose");
        assertThat(kept).containsSubsequence("value=\"\"", "value=\"" + ownId + "\" selected=\"selected\"");
        assertThat(choices(sales1, "查无此客户" + marker, otherTeam, "choose")).doesNotContain(otherTeam)
                .doesNotContain("别组选择");
        assertThat(choices(sales1, "查无此客户" + marker, "not-a-uuid", "choose")).doesNotContain("selected");
        // nothing typed: the first customers by name, as the select lists them before any typing
        assertThat(choices(sales1, "", null, "choose")).contains("<option value=\"");
    }

    @Test
    @DisplayName("B1 customer names in the options are escaped, and a user without customer:view gets 403")
    void escapedAndGuarded() {
        String marker = TestData.unique();
        TestData.createCustomer(api, "sales1", Map.of("name", "<img src=x onerror=alert(1)>" + marker));
        WebSession sales1 = signedIn("sales1", "demo123");
        assertThat(choices(sales1, marker, null, "choose")).contains("&lt;img src=x onerror=alert(1)&gt;" + marker)
                .doesNotContain("<img src=x");

        var role = TestData.createRole(api, "OWN", false, Set.of("product:view"));
        var user = TestData.createUser(api, null, List.of(role));
        WebSession noCustomers = signedIn(user.username(), user.password());
        assertThat(noCustomers.get("/customers/choices?pickerQuery=" + marker).status()).isEqualTo(403);
        assertThat(noCustomers.get("/contacts/choices?pickerQuery=" + marker).status()).isEqualTo(403);
    }
}
