package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/** The contact page (B2): its details, attachments and history, for readers of its customer only. */
@CrmIntegrationTest
class ContactPageTests {

    @Autowired
    Api api;

    @Test
    @DisplayName("B2/A3 the contact page shows the contact and its history to the owner's side and is 404 to another team")
    void contactPage() {
        String marker = TestData.unique();
        String mobile = TestData.uniqueMobile();
        String customerId = TestData.createCustomer(api, "sales1", Map.of("name", "联系人页" + marker)).get("id")
                .asString();
        Api.Response created = api.post("/api/v1/contacts").as("sales1").json(Map.of("customerId", customerId,
                "name", "周" + marker, "title", "采购经理", "mobile", mobile, "keyDecisionMaker", true)).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().get("id").asString();

        WebSession owner = new WebSession(api);
        owner.login("sales1", "demo123");
        Api.Response page = owner.get("/contacts/" + id + "?lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("周" + marker).contains("采购经理").contains(mobile)
                .contains("联系人页" + marker).contains("Key decision-maker");
        assertThat(owner.get("/contacts/" + id + "/history").text()).contains("history-row").contains("(sales1)");
        assertThat(owner.get("/contacts?q=周" + marker).text()).contains("/contacts/" + id);

        WebSession otherTeam = new WebSession(api);
        otherTeam.login("sales2", "demo123");
        assertThat(otherTeam.get("/contacts/" + id).status()).isEqualTo(404);
        assertThat(otherTeam.get("/contacts/" + id + "/history").status()).isEqualTo(404);
    }
}
