package org.openloop.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.sales.CampaignDirectory;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Opportunities linked to campaigns and the ROI they give (J1), through the sales module. */
@CrmIntegrationTest
class CampaignOutcomeTests {

    @Autowired
    Api api;

    @Autowired
    CampaignDirectory directory;

    @Test
    @DisplayName("J1 ROI = won amount ÷ actual cost: opportunities linked and won count company-wide; the tab lists those the reader sees")
    void roiFromWonOpportunities() {
        JsonNode campaign = CampaignFixtures.createCampaign(api, "manager", Map.of("budget", 50000,
                "actualCost", 40000));
        String id = campaign.get("id").asString();
        String won = opportunity("sales1", id, "300000.00");
        String open = opportunity("sales1", null, "90000.00");
        Api.Response linked = api.put("/api/v1/opportunities/" + open).as("sales1").json(withCampaign(open, id)).send();
        assertThat(linked.status()).as("%s", linked).isEqualTo(200);
        String other = opportunity("manager", id, "10000.00");
        Api.Response win = api.post("/api/v1/opportunities/" + won + "/win").as("sales1").send();
        assertThat(win.status()).as("%s", win).isEqualTo(200);

        JsonNode figures = api.get("/api/v1/campaigns/" + id + "/outcome").as("manager").send().json();
        assertThat(figures.get("opportunities").asLong()).isEqualTo(3);
        assertThat(figures.get("won").asLong()).isEqualTo(1);
        assertThat(figures.get("wonAmount").decimalValue()).isEqualByComparingTo("300000.00");
        assertThat(figures.get("cost").decimalValue()).isEqualByComparingTo("40000.00");
        assertThat(figures.get("roi").decimalValue()).isEqualByComparingTo("7.50");

        JsonNode tab = api.get("/api/v1/campaigns/" + id + "/opportunities").as("manager").send().json();
        assertThat(tab.get("items").size()).isGreaterThanOrEqualTo(1);
        assertThat(tab.toString()).contains(other);

        WebSession manager = new WebSession(api);
        manager.login("manager", Api.DEMO_PASSWORD);
        Api.Response page = manager.get("/campaigns/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("data-testid=\"figure-roi\">7.50<");
        Api.Response panel = manager.get("/campaigns/" + id + "/opportunities");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.text()).contains("data-testid=\"campaign-opportunity-row\"");
    }

    @Test
    @DisplayName("J1 sales may name any campaign that is not cancelled as an opportunity's source; an unknown one is refused")
    void directory() {
        JsonNode campaign = CampaignFixtures.createCampaign(api, "manager", Map.of());
        String id = campaign.get("id").asString();
        assertThat(directory.campaignName(java.util.UUID.fromString(id))).contains(campaign.get("name").asString());
        assertThat(directory.selectableCampaigns()).anyMatch(o -> o.id().toString().equals(id));
        api.post("/api/v1/campaigns/" + id + "/cancel").as("manager").send();
        assertThat(directory.selectableCampaigns()).noneMatch(o -> o.id().toString().equals(id));

        String customer = TestData.createCustomer(api, "sales1", Map.of("name", "来源" + TestData.unique()))
                .get("id").asString();
        Api.Response unknown = api.post("/api/v1/opportunities").as("sales1").json(Map.of("customerId", customer,
                "name", "x", "amount", "1.00", "campaignId", java.util.UUID.randomUUID().toString())).send();
        assertThat(unknown.status()).isEqualTo(422);
    }

    @Test
    @DisplayName("J1 demo: 2026 春季产品发布会 is completed with members, responses, a lead, its form on and B制造企业 设备管理系统 linked; ROI = its won amount ÷ 42 000")
    void demoCampaign() {
        JsonNode found = api.get("/api/v1/campaigns?q=2026 春季产品发布会".replace(" ", "%20")).as("admin").send().json()
                .get("items");
        assertThat(found.size()).isEqualTo(1);
        JsonNode spring = found.get(0);
        assertThat(spring.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(spring.get("formEnabled").asBoolean()).isTrue();
        JsonNode figures = api.get("/api/v1/campaigns/" + spring.get("id").asString() + "/outcome").as("admin")
                .send().json();
        assertThat(figures.get("members").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(figures.get("responses").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(figures.get("leads").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(figures.get("cost").decimalValue()).isEqualByComparingTo("42000.00");
        // the demo opportunity B制造企业 设备管理系统 is linked; its won amount over the cost is the ROI
        JsonNode linked = api.get("/api/v1/campaigns/" + spring.get("id").asString() + "/opportunities?size=100")
                .as("admin").send().json().get("items");
        assertThat(linked.toString()).contains("B制造企业 设备管理系统");
        assertThat(figures.get("opportunities").asLong()).isGreaterThanOrEqualTo(1);
        java.math.BigDecimal wonAmount = java.math.BigDecimal.ZERO;
        for (JsonNode o : linked) {
            if (o.get("status").asString().equals("WON") || o.get("status").asString().equals("CLOSED")) {
                wonAmount = wonAmount.add(o.get("amount").decimalValue());
            }
        }
        assertThat(figures.get("wonAmount").decimalValue()).isEqualByComparingTo(wonAmount);
        assertThat(figures.get("roi").decimalValue()).isEqualByComparingTo(
                wonAmount.divide(new java.math.BigDecimal("42000"), 2, java.math.RoundingMode.HALF_UP));
        assertThat(new WebSession(api).get("/public/forms/" + spring.get("formToken").asString()).status())
                .isEqualTo(200);
    }

    private String opportunity(String username, String campaignId, String amount) {
        String customer = TestData.createCustomer(api, username, Map.of("name", "商机客户" + TestData.unique()))
                .get("id").asString();
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customer);
        body.put("name", "活动商机" + TestData.unique());
        body.put("amount", amount);
        if (campaignId != null) {
            body.put("campaignId", campaignId);
        }
        Api.Response created = api.post("/api/v1/opportunities").as(username).json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private Map<String, Object> withCampaign(String opportunityId, String campaignId) {
        JsonNode current = api.get("/api/v1/opportunities/" + opportunityId).as("sales1").send().json();
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", current.get("customerId").asString());
        body.put("name", current.get("name").asString());
        body.put("amount", current.get("amount").decimalValue());
        body.put("campaignId", campaignId);
        body.put("version", current.get("version").asLong());
        return body;
    }
}
