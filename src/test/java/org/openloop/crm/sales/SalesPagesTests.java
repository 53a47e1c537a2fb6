package org.openloop.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The sales pages (F1–F3): they render, show only allowed actions, and apply the same rules as the API. */
@CrmIntegrationTest
class SalesPagesTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    WebSession signedIn(String username) {
        WebSession web = new WebSession(api);
        web.login(username, Api.DEMO_PASSWORD);
        return web;
    }

    @Test
    @DisplayName("F1 list, detail, forms, customer tab, export and board render for a rep; demo data is there")
    void pagesRender() {
        WebSession web = signedIn("sales1");
        Api.Response list = web.get("/opportunities?lang=zh-CN");
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        assertThat(web.get("/opportunities?q=" + java.net.URLEncoder.encode("ERP 升级项目",
                java.nio.charset.StandardCharsets.UTF_8)).text()).contains("A科技公司 ERP 升级项目");
        assertThat(web.get("/opportunities?q=" + java.net.URLEncoder.encode("设备管理系统",
                java.nio.charset.StandardCharsets.UTF_8)).text()).doesNotContain("B制造企业 设备管理系统");
        assertThat(web.get("/opportunities?status=OPEN&closeMonth=2026-12").status()).isEqualTo(200);
        assertThat(web.get("/opportunities?closeMonth=bad").status()).isEqualTo(400);
        SalesFixture fixture = new SalesFixture(api, jdbc);
        UUID customer = fixture.customer("sales1");
        JsonNode created = fixture.opportunity("sales1", customer, Map.of("name", "页面商机"));
        String id = created.get("id").asString();
        Api.Response detail = web.get("/opportunities/" + id);
        assertThat(detail.status()).as("%s", detail).isEqualTo(200);
        assertThat(detail.text()).contains("页面商机").contains("data-testid=\"opportunity-win\"")
                .contains("data-testid=\"opportunity-lose\"").doesNotContain("data-testid=\"opportunity-reopen\"");
        assertThat(web.get("/opportunities/" + id + "/timeline").status()).isEqualTo(200);
        assertThat(web.get("/opportunities/" + id + "/history").status()).isEqualTo(200);
        assertThat(web.get("/opportunities/" + id + "/edit").status()).isEqualTo(200);
        assertThat(web.get("/opportunities/new?customerId=" + customer).status()).isEqualTo(200);
        assertThat(web.get("/opportunities/new").status()).isEqualTo(200);
        Api.Response panel = web.get("/opportunities/panel?customerId=" + customer);
        assertThat(panel.text()).contains("页面商机").contains("opportunity-panel-new");
        Api.Response board = web.get("/opportunities/board");
        assertThat(board.status()).as("%s", board).isEqualTo(200);
        assertThat(board.text()).contains("页面商机").contains("sortablejs").contains("/js/sales.js");
        assertThat(web.get("/customers/" + customer + "/timeline").text()).contains("页面商机");
        Api.Response export = web.get("/opportunities/export?format=csv&q=页面商机");
        assertThat(export.status()).as("%s", export).isEqualTo(403);
    }

    @Test
    @DisplayName("F1 F2 the form creates through the facade, reports field errors, and lost opportunities are read-only")
    void formsAndReadOnly() {
        WebSession web = signedIn("sales1");
        SalesFixture fixture = new SalesFixture(api, jdbc);
        UUID customer = fixture.customer("sales1");
        String csrf = web.csrfFrom("/opportunities/new?customerId=" + customer);
        Api.Response invalid = web.post("/opportunities/new", "customerId", customer.toString(), "name", "",
                "amount", "-1", "currency", "CNY", "_csrf", csrf);
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.text()).contains("error-name").contains("error-amount");
        Api.Response saved = web.post("/opportunities/new", "customerId", customer.toString(), "name", "表单商机",
                "amount", "12345.678", "currency", "CNY", "_csrf", csrf);
        assertThat(saved.status()).as("%s", saved).isEqualTo(302);
        String location = saved.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(web.get("/opportunities/" + id).text()).contains("表单商机").contains("flash-success");
        JsonNode stored = fixture.get("sales1", id);
        assertThat(stored.get("amount").decimalValue()).isEqualByComparingTo("12345.68");
        assertThat(stored.get("probability").asInt()).isEqualTo(10);

        Api.Response lost = web.post("/opportunities/" + id + "/lose", "version", "0", "_csrf", csrf);
        String afterRefusal = web.get("/opportunities/" + id).text();
        assertThat(afterRefusal).contains("Choose a loss reason");
        web.post("/opportunities/" + id + "/lose", "version", "0", "lossReasonId",
                fixture.lossReason("需求变化").toString(), "_csrf", csrf);
        assertThat(lost.status()).isEqualTo(302);
        assertThat(fixture.get("sales1", id).get("status").asString()).isEqualTo("LOST");
        Api.Response page = web.get("/opportunities/" + id);
        assertThat(page.text()).contains("opportunity-read-only").doesNotContain("data-testid=\"opportunity-edit\"")
                .doesNotContain("data-testid=\"opportunity-win\"");
        assertThat(web.get("/opportunities/" + id + "/edit").status()).isEqualTo(302);
        Api.Response edit = web.post("/opportunities/" + id + "/edit", "customerId", customer.toString(), "name",
                "改名", "amount", "1", "version", "1", "_csrf", csrf);
        assertThat(edit.status()).isEqualTo(302);
        assertThat(fixture.get("sales1", id).get("name").asString()).isEqualTo("表单商机");
        Api.Response apiEdit = api.put("/api/v1/opportunities/" + id).as("sales1")
                .json(Map.of("customerId", customer, "name", "改名", "amount", "1")).send();
        assertThat(apiEdit.status()).isEqualTo(409);
        assertThat(apiEdit.json().get("detail").asString()).isEqualTo("The opportunity is “Lost” and can no longer be changed.");
        Api.Response move = api.post("/api/v1/opportunities/" + id + "/move").as("sales1")
                .json(Map.of("stageId", "7a000000-0000-4000-8000-000000000012")).send();
        assertThat(move.status()).isEqualTo(409);
    }

    @Test
    @DisplayName("F1 A5 a manager hands an opportunity to another rep from its page; a rep sees no such form")
    void assignFromThePage() {
        SalesFixture fixture = new SalesFixture(api, jdbc);
        String id = fixture.opportunity("sales1").get("id").asString();
        assertThat(signedIn("sales1").get("/opportunities/" + id).text()).doesNotContain("opportunity-assign-form");
        WebSession manager = signedIn("manager");
        assertThat(manager.get("/opportunities/" + id).text()).contains("opportunity-assign-form");
        String csrf = manager.csrfFrom("/opportunities/new");
        String managerId = org.openloop.crm.testkit.DemoOrganization.load(api).user("manager").id().toString();
        Api.Response assigned = manager.post("/opportunities/" + id + "/assign", "assigneeId", managerId,
                "_csrf", csrf);
        assertThat(assigned.status()).isEqualTo(302);
        assertThat(fixture.get("manager", id).get("ownerName").asString()).isEqualTo("王芳");
        assertThat(api.get("/api/v1/opportunities/" + id).as("sales1").send().status()).isEqualTo(404);
    }

    @Test
    @DisplayName("F2 F3 settings pages are for administrators; a stage in use cannot be deleted, only deactivated")
    void settings() {
        assertThat(signedIn("manager").get("/settings/pipelines").status()).isEqualTo(403);
        WebSession admin = signedIn("admin");
        assertThat(admin.get("/settings/pipelines").status()).isEqualTo(200);
        assertThat(admin.get("/settings/loss-reasons").text()).contains("价格过高");
        Api.Response inUse = api.delete("/api/v1/stages/7a000000-0000-4000-8000-000000000011").as("admin").send();
        assertThat(inUse.status()).isEqualTo(409);
        Api.Response pipeline = api.post("/api/v1/pipelines").as("admin").json(Map.of("name", "渠道流程")).send();
        assertThat(pipeline.status()).as("%s", pipeline).isEqualTo(201);
        String pipelineId = pipeline.json().get("id").asString();
        Api.Response stage = api.post("/api/v1/pipelines/" + pipelineId + "/stages").as("admin")
                .json(Map.of("name", "渠道接洽", "probability", 20)).send();
        assertThat(stage.status()).as("%s", stage).isEqualTo(201);
        String stageId = stage.json().get("stages").get(0).get("id").asString();
        assertThat(api.post("/api/v1/pipelines").as("manager").json(Map.of("name", "x")).send().status())
                .isEqualTo(403);
        assertThat(api.delete("/api/v1/stages/" + stageId).as("admin").send().status()).isEqualTo(204);
        Api.Response reason = api.post("/api/v1/loss-reasons").as("admin").json(Map.of("name", "价格过高")).send();
        assertThat(reason.status()).isEqualTo(422);
    }
}
