package org.openloop.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** The campaign pages (J1): form with its errors, detail with tabs, workflow buttons, members, form switch, export. */
@CrmIntegrationTest
class CampaignPageTests {

    @Autowired
    Api api;

    @Test
    @DisplayName("J1 the page form refuses an end date before the start date next to the field, then creates the campaign")
    void createThroughTheForm() {
        WebSession manager = new WebSession(api);
        manager.login("manager", Api.DEMO_PASSWORD);
        String csrf = manager.csrfFrom("/campaigns/new");
        String name = "页面活动" + TestData.unique();
        Api.Response refused = manager.post("/campaigns/new", "_csrf", csrf, "name", name, "type", "EXHIBITION",
                "startDate", "2026-06-02", "endDate", "2026-06-01", "budget", "1000");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("data-testid=\"error-endDate\"");
        assertThat(api.get("/api/v1/campaigns?q=" + name).as("manager").send().json().get("items").size()).isZero();

        Api.Response created = manager.post("/campaigns/new", "_csrf", csrf, "name", name, "type", "EXHIBITION",
                "startDate", "2026-06-01", "endDate", "2026-06-02", "budget", "1000", "segmentType", "TARGET",
                "segmentIndustry", "制造");
        assertThat(created.status()).as("%s", created).isEqualTo(302);
        String location = created.header("Location");
        assertThat(location).matches(".*/campaigns/[0-9a-f-]{36}");
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode campaign = api.get("/api/v1/campaigns/" + id).as("manager").send().json();
        assertThat(campaign.get("segment").get("type").asString()).isEqualTo("TARGET");
        assertThat(campaign.get("segment").get("industry").asString()).isEqualTo("制造");

        Api.Response detail = manager.get("/campaigns/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.text()).contains(name, "data-testid=\"tab-members\"", "data-testid=\"tab-leads\"",
                "data-testid=\"tab-history\"", "data-testid=\"campaign-start\"", "data-testid=\"figure-roi\">0.00<");
        assertThat(manager.get("/campaigns/" + id + "/members").text()).contains("data-testid=\"members-panel\"");
        assertThat(manager.get("/campaigns/" + id + "/leads").text()).contains("data-testid=\"leads-panel\"");
        assertThat(manager.get("/campaigns/" + id + "/history").status()).isEqualTo(200);

        Api.Response started = manager.post("/campaigns/" + id + "/start", "_csrf", csrf, "version",
                campaign.get("version").asString());
        assertThat(started.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/campaigns/" + id).as("manager").send().json().get("status").asString())
                .isEqualTo("ACTIVE");
        assertThat(manager.get("/campaigns/" + id).text()).contains("data-testid=\"flash-success\"");
        Api.Response again = manager.post("/campaigns/" + id + "/start", "_csrf", csrf);
        assertThat(again.status()).isEqualTo(302);
        assertThat(manager.get("/campaigns/" + id).text()).contains("data-testid=\"flash-error\"");

        Api.Response switched = manager.post("/campaigns/" + id + "/form", "_csrf", csrf, "enabled", "true");
        assertThat(switched.status()).isEqualTo(302);
        assertThat(manager.get("/campaigns/" + id).text()).contains("data-testid=\"campaign-form-link\"");

        String customer = TestData.createCustomer(api, "manager", Map.of("name", "页面成员" + TestData.unique()))
                .get("id").asString();
        assertThat(manager.post("/campaigns/" + id + "/members", "_csrf", csrf, "customerId", customer).status())
                .isEqualTo(302);
        String members = manager.get("/campaigns/" + id + "/members").text();
        assertThat(members).contains("data-testid=\"member-row\"", "data-testid=\"member-remove\"");
        String memberId = api.get("/api/v1/campaigns/" + id + "/members").as("manager").send().json().get("items")
                .get(0).get("id").asString();
        assertThat(manager.post("/campaigns/" + id + "/members/" + memberId, "_csrf", csrf, "status", "ATTENDED",
                "responseNote", "到场").status()).isEqualTo(302);
        assertThat(api.get("/api/v1/campaigns/" + id + "/members").as("manager").send().json().get("items").get(0)
                .get("status").asString()).isEqualTo("ATTENDED");
        assertThat(manager.post("/campaigns/" + id + "/members/" + memberId + "/remove", "_csrf", csrf).status())
                .isEqualTo(302);
        assertThat(api.get("/api/v1/campaigns/" + id + "/members").as("manager").send().json().get("items").size())
                .isZero();

        Api.Response csv = manager.get("/campaigns/export?format=csv&q=" + name);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains(name);
        Api.Response list = manager.get("/campaigns?status=ACTIVE&q=" + name);
        assertThat(list.text()).contains("data-testid=\"campaign-row\"");
    }

    @Test
    @DisplayName("J1/K4 campaign pages exist in English and Chinese")
    void languages() {
        WebSession manager = new WebSession(api);
        manager.login("manager", Api.DEMO_PASSWORD);
        assertThat(manager.get("/campaigns?lang=en").text()).contains("Campaigns");
        assertThat(manager.get("/campaigns/new?lang=zh-CN").text()).contains("目标客户群", "活动类型");
    }
}
