package org.openloop.crm.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** A customer's timeline (C2) through the API and the detail page's tab. */
@CrmIntegrationTest
class CustomerTimelineTests {

    @Autowired
    Api api;

    private List<String> titles(String username, String id, String query) {
        Api.Response response = api.get("/api/v1/customers/" + id + "/timeline?" + query).as(username)
                .language("en").send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        response.json().get("items").forEach(e -> titles.add(e.get("title").asString()));
        return titles;
    }

    private String customerWithAHistory() {
        DemoOrganization org = DemoOrganization.load(api);
        JsonNode created = TestData.createCustomer(api, "manager", Map.of("name", "时间线客户" + TestData.unique()));
        String id = created.get("id").asString();
        JsonNode updated = api.put("/api/v1/customers/" + id).as("manager")
                .json(Map.of("name", created.get("name").asString(), "type", "POTENTIAL", "industry", "制造",
                        "version", created.get("version").asLong()))
                .send().json();
        assertThat(updated.get("type").asString()).isEqualTo("POTENTIAL");
        assertThat(api.post("/api/v1/customers/" + id + "/transfer").as("manager")
                .json(Map.of("assigneeId", org.user("sales1").id())).send().status()).isEqualTo(200);
        assertThat(api.post("/api/v1/customers/" + id + "/archive").as("sales1")
                .json(Map.of("reason", "客户已注销")).send().status()).isEqualTo(200);
        return id;
    }

    @Test
    @DisplayName("C2: a customer's timeline shows its milestones newest first; plain field edits stay in the history tab")
    void milestonesNewestFirst() {
        String id = customerWithAHistory();
        List<String> titles = titles("sales1", id, "");
        assertThat(titles).containsExactly("Archived", "Transferred from 王芳 to 李明", "Type: Target → Potential",
                "Customer created");
        assertThat(String.join(" ", titles)).doesNotContain("Industry");
    }

    @Test
    @DisplayName("C2: paging one entry at a time gives the same entries; kind and date filters apply; bad filters are 400")
    void pagingAndFilters() {
        String id = customerWithAHistory();
        List<String> paged = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = api.get("/api/v1/customers/" + id + "/timeline?size=1&cursor=" + cursor).as("sales1")
                    .language("en").send().json();
            page.get("items").forEach(e -> paged.add(e.get("title").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(titles("sales1", id, ""));

        assertThat(titles("sales1", id, "kinds=record")).hasSize(4);
        assertThat(titles("sales1", id, "from=2999-01-01")).isEmpty();
        assertThat(api.get("/api/v1/customers/" + id + "/timeline?kinds=bogus").as("sales1").send().status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/customers/" + id + "/timeline?from=2026-12-01&to=2026-11-01").as("sales1").send()
                .status()).isEqualTo(400);
        assertThat(api.get("/api/v1/customers/" + id + "/timeline?from=soon").as("sales1").send().status())
                .isEqualTo(400);
    }

    @Test
    @DisplayName("C2/A3: the timeline of a customer outside the reader's scope is 404 on the API and the page")
    void outsideScopeIsNotFound() {
        String id = TestData.createCustomer(api, "sales1", Map.of("name", "别人的客户" + TestData.unique())).get("id")
                .asString();
        Api.Response api404 = api.get("/api/v1/customers/" + id + "/timeline").as("sales2").send();
        assertThat(api404.status()).isEqualTo(404);
        assertThat(api404.text()).doesNotContain("别人的客户");

        WebSession web = new WebSession(api);
        web.login("sales2", Api.DEMO_PASSWORD);
        Api.Response page = web.get("/customers/" + id + "/timeline");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text()).doesNotContain("别人的客户");
    }

    @Test
    @DisplayName("C2/K4: the timeline tab renders in the reader's language")
    void tabInChinese() {
        String id = customerWithAHistory();
        WebSession web = new WebSession(api);
        web.login("sales1", Api.DEMO_PASSWORD);
        String panel = web.get("/customers/" + id + "/timeline?lang=zh-CN").text();
        assertThat(panel).contains("创建客户").contains("已归档").contains("客户类型：意向 → 潜在")
                .contains("data-testid=\"timeline-entry\"");
    }
}
