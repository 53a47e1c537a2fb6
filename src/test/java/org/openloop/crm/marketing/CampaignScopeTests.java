package org.openloop.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.ScopeMatrix;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.TestData.TestUser;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Data scope on campaigns (A3, J1): every demo user against a campaign of every demo user, on every channel. */
@CrmIntegrationTest
class CampaignScopeTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @TestFactory
    @DisplayName("A3/J1 campaigns: detail, list, edit and export follow each user's data scope")
    Stream<DynamicNode> matrix() {
        return new ScopeMatrix(api, new CampaignModule(api, jdbc)).tests();
    }

    @Test
    @DisplayName("J1 a campaign editor of another team gets 404 on every verb of a campaign, its members and leads")
    void everyVerbIsNotFoundOutsideScope() {
        DemoOrganization organization = DemoOrganization.load(api);
        UUID otherTeam = organization.user("sales2").departmentId();
        UUID role = TestData.createRole(api, "DEPARTMENT", false, Set.of("campaign:view", "campaign:create",
                "campaign:edit", "campaign:export", "customer:view", "contact:view"));
        TestUser outsider = TestData.createUser(api, otherTeam, List.of(role));
        String outsiderToken = api.createToken(outsider.username(), outsider.password());

        String name = "范围外" + TestData.unique();
        String id = CampaignFixtures.createCampaign(api, "manager", Map.of("name", name)).get("id").asString();
        String customer = TestData.createCustomer(api, "manager", Map.of("name", "成员" + TestData.unique()))
                .get("id").asString();
        String member = api.post("/api/v1/campaigns/" + id + "/members").as("manager")
                .json(Map.of("customerId", customer)).send().json().get("id").asString();
        String base = "/api/v1/campaigns/" + id;

        List<Api.Response> answers = List.of(
                api.get(base).bearer(outsiderToken).send(),
                api.put(base).bearer(outsiderToken).json(Map.of("name", "偷改", "type", "OTHER")).send(),
                api.post(base + "/start").bearer(outsiderToken).send(),
                api.post(base + "/cancel").bearer(outsiderToken).send(),
                api.get(base + "/outcome").bearer(outsiderToken).send(),
                api.get(base + "/audit").bearer(outsiderToken).send(),
                api.post(base + "/form").bearer(outsiderToken).json(Map.of("enabled", true)).send(),
                api.post(base + "/form/token").bearer(outsiderToken).send(),
                api.get(base + "/members").bearer(outsiderToken).send(),
                api.post(base + "/members").bearer(outsiderToken).json(Map.of("customerId", customer)).send(),
                api.post(base + "/members/segment").bearer(outsiderToken).send(),
                api.post(base + "/members/status").bearer(outsiderToken)
                        .json(Map.of("memberIds", List.of(member), "status", "ATTENDED")).send(),
                api.put(base + "/members/" + member).bearer(outsiderToken).json(Map.of("status", "ATTENDED")).send(),
                api.delete(base + "/members/" + member).bearer(outsiderToken).send(),
                api.get(base + "/leads").bearer(outsiderToken).send(),
                api.post(base + "/leads").bearer(outsiderToken).json(Map.of("customerId", customer)).send());
        for (Api.Response answer : answers) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(404);
            assertThat(answer.text()).doesNotContain(name);
        }
        assertThat(api.get("/api/v1/campaigns?q=" + name).bearer(outsiderToken).send().json().get("items").size())
                .isZero();
        assertThat(api.get("/api/v1/campaigns/export?format=csv&q=" + name).bearer(outsiderToken).send().text())
                .doesNotContain(name);
        JsonState state = new JsonState(api.get(base).as("manager").send().json());
        assertThat(state.name()).isEqualTo(name);
        assertThat(state.status()).isEqualTo("PLANNED");
        assertThat(api.get(base + "/members").as("manager").send().json().get("items").get(0).get("status")
                .asString()).isEqualTo("INVITED");

        // pages: the detail, its tabs and every form post answer 404 as well
        WebSession page = new WebSession(api);
        page.login(outsider.username(), outsider.password());
        assertThat(page.get("/campaigns/" + id).status()).isEqualTo(404);
        assertThat(page.get("/campaigns/" + id + "/members").status()).isEqualTo(404);
        assertThat(page.get("/campaigns/" + id + "/leads").status()).isEqualTo(404);
        assertThat(page.get("/campaigns/" + id + "/history").status()).isEqualTo(404);
        assertThat(page.get("/campaigns/" + id + "/edit").status()).isEqualTo(404);
        String csrf = page.csrfFrom("/campaigns");
        assertThat(page.post("/campaigns/" + id + "/start", "_csrf", csrf).status()).isIn(302, 404);
        assertThat(new JsonState(api.get(base).as("manager").send().json()).status()).isEqualTo("PLANNED");
    }

    @Test
    @DisplayName("J1 pages: reps see the list without the create button and are refused the form (403)")
    void repPages() {
        WebSession rep = new WebSession(api);
        rep.login("sales1", Api.DEMO_PASSWORD);
        Api.Response list = rep.get("/campaigns");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).doesNotContain("data-testid=\"campaign-new\"");
        assertThat(rep.get("/campaigns/new").status()).isEqualTo(403);
    }

    record JsonState(String name, String status) {
        JsonState(tools.jackson.databind.JsonNode json) {
            this(json.get("name").asString(), json.get("status").asString());
        }
    }
}
