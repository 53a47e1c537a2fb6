package org.openloop.crm.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Global search (K2) over quotes, contracts, campaigns, products, interactions and tasks: found by number or name by
 * whoever may see the record, not by a rep of another team (A3) nor by a user without the module's view right.
 */
@CrmIntegrationTest
class SearchMoreTypesTests {

    @Autowired
    Api api;

    /** A company-wide user holding customer:view only: no quote, contract, campaign, product or activity right. */
    private String outsider;

    @BeforeEach
    void outsider() {
        if (outsider == null) {
            UUID role = TestData.createRole(api, "COMPANY", true, Set.of("customer:view"));
            TestData.TestUser user = TestData.createUser(api,
                    DemoOrganization.load(api).user("sales1").departmentId(), List.of(role));
            outsider = api.createToken(user.username(), user.password());
        }
    }

    private static String marker() {
        return "搜" + TestData.unique();
    }

    private List<JsonNode> hits(Api.Call call, String type, String query) {
        Api.Response response = call.send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<JsonNode> hits = new ArrayList<>();
        for (JsonNode hit : response.json().get("items")) {
            if (type == null || type.equals(hit.get("type") == null ? null : hit.get("type").asString())
                    || hit.get("type") == null) {
                hits.add(hit);
            }
        }
        return hits;
    }

    private String url(String query) {
        return "/api/v1/search?limit=50&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private List<String> paths(String username, String query) {
        return hits(api.get(url(query)).as(username), null, query).stream().map(h -> h.get("path").asString())
                .toList();
    }

    private List<String> outsiderPaths(String query) {
        return hits(api.get(url(query)).bearer(outsider), null, query).stream().map(h -> h.get("path").asString())
                .toList();
    }

    private JsonNode created(Api.Response response) {
        assertThat(response.status()).as("%s", response).isIn(200, 201);
        return response.json();
    }

    private String product(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", "P-" + TestData.unique());
        body.put("name", name);
        body.put("unit", "套");
        body.put("listPrice", "100.00");
        body.put("taxRate", "13");
        body.put("kind", "PRODUCT");
        return created(api.post("/api/v1/products").as("admin").json(body).send()).get("id").asString();
    }

    @Test
    @DisplayName("K2/F3/F5: quotes by number (and a revision by its new version), contracts by number and title, in scope only")
    void quotesAndContracts() {
        String customerName = marker() + "客户";
        String customerId = TestData.createCustomer(api, "sales1", Map.of("name", customerName)).get("id").asString();
        String opportunityName = marker() + "商机";
        String opportunityId = created(api.post("/api/v1/opportunities").as("sales1")
                .json(Map.of("customerId", customerId, "name", opportunityName, "amount", "1000.00")).send())
                .get("id").asString();
        Map<String, Object> line = new HashMap<>(Map.of("productId", product("报价产品" + TestData.unique()),
                "quantity", "1"));
        JsonNode quote = created(api.post("/api/v1/quotes").as("sales1")
                .json(Map.of("opportunityId", opportunityId, "lines", List.of(line))).send());
        String quoteId = quote.get("id").asString();
        String number = quote.get("number").asString();

        assertThat(paths("sales1", number)).contains("/quotes/" + quoteId);
        assertThat(paths("sales1", opportunityName)).contains("/quotes/" + quoteId);
        assertThat(paths("manager", number)).contains("/quotes/" + quoteId);
        assertThat(paths("sales2", number)).doesNotContain("/quotes/" + quoteId);
        assertThat(outsiderPaths(number)).doesNotContain("/quotes/" + quoteId);

        created(api.post("/api/v1/quotes/" + quoteId + "/send").as("sales1").json(Map.of()).send());
        JsonNode revised = created(api.post("/api/v1/quotes/" + quoteId + "/revise").as("sales1")
                .json(Map.of("version", created(api.get("/api/v1/quotes/" + quoteId).as("sales1").send())
                        .get("version").asLong()))
                .send());
        String revisedId = revised.get("id").asString();
        assertThat(paths("sales1", number + " v2")).contains("/quotes/" + revisedId)
                .doesNotContain("/quotes/" + quoteId);

        created(api.post("/api/v1/quotes/" + revisedId + "/send").as("sales1").json(Map.of()).send());
        created(api.post("/api/v1/quotes/" + revisedId + "/accept").as("sales1").json(Map.of()).send());
        String title = marker() + "合同";
        Map<String, Object> draft = new HashMap<>();
        draft.put("quoteId", revisedId);
        draft.put("title", title);
        draft.put("kind", "CONTRACT");
        draft.put("signingDate", "2026-11-20");
        draft.put("termStart", "2026-12-01");
        draft.put("termEnd", "2027-11-30");
        JsonNode contract = created(api.post("/api/v1/contracts").as("sales1").json(draft).send());
        String contractPath = "/contracts/" + contract.get("id").asString();
        String contractNumber = contract.get("number").asString();
        assertThat(paths("sales1", contractNumber)).contains(contractPath);
        assertThat(paths("sales1", title)).contains(contractPath);
        assertThat(paths("sales1", customerName)).contains(contractPath);
        assertThat(paths("sales2", contractNumber)).doesNotContain(contractPath);
        assertThat(outsiderPaths(contractNumber)).doesNotContain(contractPath);
    }

    @Test
    @DisplayName("K2/G1: campaigns by name for their owner and manager, not for another rep nor without campaign:view; a rename is reflected")
    void campaigns() {
        String name = marker() + "活动";
        JsonNode campaign = created(api.post("/api/v1/campaigns").as("manager")
                .json(Map.of("name", name, "type", "CONFERENCE")).send());
        String path = "/campaigns/" + campaign.get("id").asString();
        assertThat(paths("manager", name)).contains(path);
        assertThat(paths("admin", name)).contains(path);
        assertThat(paths("sales2", name)).doesNotContain(path);
        assertThat(outsiderPaths(name)).doesNotContain(path);

        String renamed = marker() + "新活动";
        created(api.put("/api/v1/campaigns/" + campaign.get("id").asString()).as("manager")
                .json(Map.of("name", renamed, "type", "CONFERENCE", "version", campaign.get("version").asLong()))
                .send());
        assertThat(paths("manager", renamed)).contains(path);
        assertThat(paths("manager", name)).doesNotContain(path);
    }

    @Test
    @DisplayName("K2/F4: products are company-wide — every holder of product:view finds them by code and name, no one else; a rename is reflected")
    void products() {
        String name = marker() + "产品";
        String code = "SK-" + TestData.unique();
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("unit", "套");
        body.put("listPrice", "10.00");
        body.put("taxRate", "13");
        body.put("kind", "PRODUCT");
        JsonNode product = created(api.post("/api/v1/products").as("admin").json(body).send());
        String path = "/products/" + product.get("id").asString();
        for (String user : List.of("sales1", "sales2", "manager", "admin")) {
            assertThat(paths(user, name)).as(user).contains(path);
            assertThat(paths(user, code)).as(user).contains(path);
        }
        assertThat(paths("service1", name)).as("service has no product:view").doesNotContain(path);
        assertThat(outsiderPaths(name)).doesNotContain(path);

        String renamed = marker() + "改名产品";
        body.put("name", renamed);
        body.put("version", product.get("version").asLong());
        created(api.put("/api/v1/products/" + product.get("id").asString()).as("admin").json(body).send());
        assertThat(paths("sales2", renamed)).contains(path);
        assertThat(paths("sales2", name)).doesNotContain(path);
    }

    @Test
    @DisplayName("K2/C1/D1: interactions by subject and customer name, tasks by subject (owner = assignee), in scope and with activity:view only")
    void interactionsAndTasks() {
        String customerName = marker() + "沟通客户";
        String customerId = TestData.createCustomer(api, "sales1", Map.of("name", customerName)).get("id").asString();
        String subject = marker() + "拜访";
        Map<String, Object> interaction = new HashMap<>();
        interaction.put("customerId", customerId);
        interaction.put("channel", "VISIT");
        interaction.put("occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        interaction.put("subject", subject);
        String summary = marker() + "纪要";
        interaction.put("summary", summary);
        JsonNode recorded = created(api.post("/api/v1/interactions").as("sales1").json(interaction).send());
        String path = "/interactions/" + recorded.get("id").asString();
        assertThat(paths("sales1", subject)).contains(path);
        assertThat(paths("sales1", customerName)).contains(path);
        assertThat(paths("sales1", summary)).as("the summary is not indexed").doesNotContain(path);
        assertThat(paths("manager", subject)).contains(path);
        assertThat(paths("sales2", subject)).doesNotContain(path);
        assertThat(outsiderPaths(subject)).doesNotContain(path);

        String renamed = marker() + "回访";
        interaction.put("subject", renamed);
        interaction.put("version", recorded.get("version").asLong());
        created(api.put("/api/v1/interactions/" + recorded.get("id").asString()).as("sales1").json(interaction).send());
        assertThat(paths("sales1", renamed)).contains(path);
        assertThat(paths("sales1", subject)).doesNotContain(path);

        String taskSubject = marker() + "任务";
        JsonNode task = created(api.post("/api/v1/tasks").as("sales1").json(Map.of("subject", taskSubject, "dueAt",
                Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())).send());
        String taskPath = "/tasks/" + task.get("id").asString();
        assertThat(paths("sales1", taskSubject)).contains(taskPath);
        assertThat(paths("sales2", taskSubject)).doesNotContain(taskPath);
        assertThat(outsiderPaths(taskSubject)).doesNotContain(taskPath);
        assertThat(api.delete("/api/v1/tasks/" + task.get("id").asString()).as("admin").send().status())
                .isIn(200, 204);
        assertThat(paths("sales1", taskSubject)).doesNotContain(taskPath);
    }

    @Test
    @DisplayName("K2: the results page labels the new record types in the user's language")
    void labels() {
        String name = marker() + "标签产品";
        product(name);
        WebSession browser = new WebSession(api);
        browser.login("sales1", "demo123");
        Api.Response page = browser.get("/search?lang=zh-CN&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("search-group-product").contains("产品");
    }
}
