package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openloop.crm.testkit.ListSearch.q;

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
 * The contact list's text search ({@code q}). As for customers ({@link CustomerListSearchTests}), PostgreSQL answers a
 * term found in few contacts from the search index and H2 from the columns; the list and its count must find the same
 * contacts either way: by name part, title, mobile, office phone and e-mail — phones and e-mails only for readers
 * with the sensitive right — a changed title at once, and only in the reader's scope.
 */
@CrmIntegrationTest
class ContactListSearchTests {

    @Autowired
    Api api;

    private ListSearch list;

    @BeforeEach
    void readList() {
        list = new ListSearch(api, "/api/v1/contacts");
    }

    /** Creates a customer named {@code customerName} for {@code username} and a contact of it. */
    private ContactOf contactOfNewCustomer(String username, String customerName, Map<String, String> fields) {
        String customerId = TestData.createCustomer(api, username, Map.of("name", customerName)).get("id").asString();
        Map<String, String> body = new java.util.HashMap<>(fields);
        body.put("customerId", customerId);
        Api.Response created = api.post("/api/v1/contacts").as(username).json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return new ContactOf(customerId, created.json().get("id").asString());
    }

    private record ContactOf(String customerId, String id) {
    }

    @Test
    @DisplayName("B2/K3/A4 the contact list's search finds a contact by name part, title, mobile, office phone and "
            + "e-mail — phones and e-mail only with the sensitive right — and the count agrees")
    void findsByEveryColumn() {
        String marker = TestData.unique();
        String mobile = TestData.uniqueMobile();
        String office = "021-6" + mobile.substring(4);
        String email = "cs" + marker + "@example.com";
        String id = contactOfNewCustomer("sales1", "联系人搜索" + marker + "有限公司", Map.of("name", "欧阳" + marker,
                "title", "采购总监" + marker, "mobile", mobile, "officePhone", office, "email", email)).id();

        for (String text : List.of("欧阳" + marker, "总监" + marker, mobile, mobile.substring(3, 9), office,
                email)) {
            assertThat(list.ids("admin", q(text))).as(text).containsExactly(id);
            assertThat(list.count("admin", q(text))).as(text).isEqualTo(1);
        }

        var role = TestData.createRole(api, "COMPANY", false, Set.of("contact:view"));
        var masked = TestData.createUser(api, null, List.of(role));
        String token = api.createToken(masked.username(), masked.password());
        Api.Response byTitle = api.get("/api/v1/contacts?size=100&" + q("总监" + marker)).bearer(token).send();
        assertThat(byTitle.json().get("items").findValuesAsString("id")).containsExactly(id);
        for (String text : List.of(mobile, office, email)) {
            Api.Response byPhone = api.get("/api/v1/contacts?size=100&" + q(text)).bearer(token).send();
            assertThat(byPhone.json().get("items").findValuesAsString("id")).as(text).isEmpty();
        }
    }

    @Test
    @DisplayName("B2/K3 a contact's new title is found by the list's search at once, and the old one no longer")
    void findsChangedTitle() {
        String marker = TestData.unique();
        ContactOf contact = contactOfNewCustomer("sales1", "改职位" + marker + "有限公司",
                Map.of("name", "司马" + marker, "title", "工程师" + marker));
        String id = contact.id();
        String customerId = contact.customerId();

        Api.Response changed = api.put("/api/v1/contacts/" + id).as("sales1").json(Map.of("customerId", customerId,
                "name", "司马" + marker, "title", "财务经理" + marker)).send();
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);

        assertThat(list.ids("sales1", q("财务经理" + marker))).containsExactly(id);
        assertThat(list.ids("sales1", q("工程师" + marker))).isEmpty();
    }

    @Test
    @DisplayName("B2/A3 the contact list's search keeps to the reader's scope; a term nobody has finds nothing")
    void keepsToScope() {
        String marker = TestData.unique();
        String own = contactOfNewCustomer("sales1", "范围联系" + marker + "甲", Map.of("name", "诸葛" + marker + "A")).id();
        String other = contactOfNewCustomer("sales2", "范围联系" + marker + "乙", Map.of("name", "诸葛" + marker + "B"))
                .id();

        assertThat(list.ids("sales1", q("诸葛" + marker))).containsExactly(own);
        assertThat(list.count("sales1", q("诸葛" + marker))).isEqualTo(1);
        assertThat(list.ids("sales2", q("诸葛" + marker))).containsExactly(other);
        assertThat(list.ids("admin", q("诸葛" + marker) + "&sort=name")).containsExactly(own, other);
        assertThat(list.ids("admin", q("查无此人" + marker))).isEmpty();
        assertThat(list.count("admin", q("查无此人" + marker))).isZero();
    }
}
