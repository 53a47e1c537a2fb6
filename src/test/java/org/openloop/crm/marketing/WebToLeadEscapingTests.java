package org.openloop.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an anonymous visitor typed stays inert wherever it is shown later (J2): markup is escaped on every page, a
 * formula is neutralised in exports.
 */
@CrmIntegrationTest
class WebToLeadEscapingTests {

    private static final String SCRIPT = "<script>alert(1)</script>";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("J2/K2/K1 <script> and =HYPERLINK(…) from the public form stay inert in customer list and detail, contacts, campaign leads, pool, search, notifications and CSV export")
    void visitorInputStaysInert() {
        String marker = "XSS" + TestData.unique();
        String company = "=HYPERLINK(\"http://evil.example\",\"点我\")" + SCRIPT + marker;
        String person = SCRIPT + "联系人" + marker;
        String id = CampaignFixtures.createCampaign(api, "manager", Map.of()).get("id").asString();
        String token = CampaignFixtures.openForm(api, "manager", id);
        Api.Response posted = CampaignFixtures.submit(api, token, "companyName", company, "contactName", person,
                "mobile", TestData.uniqueMobile(), "message", SCRIPT + "<img src=x onerror=alert(2)>");
        assertThat(posted.status()).as("%s", posted).isEqualTo(302);
        String customerId = jdbc.sql("select id from customer where name = ?").param(company).query(String.class)
                .single();

        WebSession manager = new WebSession(api);
        manager.login("manager", Api.DEMO_PASSWORD);
        assertInert(manager.get("/campaigns/" + id + "/leads"), marker);
        assertInert(manager.get("/customers/pool?q=" + marker), marker);
        assertInert(manager.get("/notifications"), marker);

        // the manager claims the lead from the pool: now it is theirs and shows up everywhere
        Api.Response claimed = api.post("/api/v1/customers/" + customerId + "/claim").as("manager").send();
        assertThat(claimed.status()).as("%s", claimed).isEqualTo(200);
        assertInert(manager.get("/customers?q=" + marker), marker);
        assertInert(manager.get("/customers/" + customerId), marker);
        assertInert(manager.get("/customers/" + customerId + "/contacts"), marker);
        assertInert(manager.get("/contacts?q=" + marker), marker);
        assertInert(manager.get("/search?q=" + marker), marker);

        Api.Response csv = api.get("/api/v1/customers/export?format=csv&q=" + marker).as("manager").send();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains("'=HYPERLINK(").doesNotContain(",=HYPERLINK(").doesNotContain("\"=HYPERLINK(");
        Api.Response page = manager.get("/customers/export?format=csv&q=" + marker);
        assertThat(page.text()).contains("'=HYPERLINK(").doesNotContain(",=HYPERLINK(");
        Api.Response contacts = api.get("/api/v1/contacts?q=" + marker).as("manager").send();
        assertThat(contacts.json().get("items").get(0).get("name").asString()).isEqualTo(person);
    }

    private static void assertInert(Api.Response response, String marker) {
        assertThat(response.status()).as("%s", response.request()).isEqualTo(200);
        String html = response.text();
        assertThat(html).as("%s shows the lead", response.request()).contains(marker);
        assertThat(html).as("%s escapes markup", response.request()).doesNotContain(SCRIPT)
                .doesNotContain("<img src=x").contains("&lt;script&gt;");
        for (String line : List.of(html.split("\n"))) {
            if (line.contains(marker)) {
                assertThat(line).doesNotContain("<script>");
            }
        }
    }
}
