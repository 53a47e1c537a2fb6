package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Duplicate detection and merging (B6) through the API and the customer form. */
@CrmIntegrationTest
class CustomerDuplicateTests {

    @Autowired
    Api api;

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String mobile() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private List<String> matchNames(String username, String query) {
        Api.Response response = api.get("/api/v1/customers/duplicates?" + query).as(username).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json().forEach(match -> names.add(match.get("name").asString()));
        return names;
    }

    @Test
    @DisplayName("B6: names match across width, brackets and legal suffixes; phones through contacts; e-mails ignoring case")
    void matching() {
        String marker = TestData.unique();
        String name = "重复" + marker + "科技有限公司";
        String phone = mobile();
        JsonNode customer = TestData.createCustomer(api, "sales1",
                Map.of("name", name, "email", "Info" + marker + "@Example.com"));
        api.post("/api/v1/contacts").as("sales1")
                .json(Map.of("customerId", customer.get("id").asString(), "name", "联系人", "mobile", phone)).send();

        String fullWidth = "重复" + marker.toUpperCase().chars().mapToObj(c -> String.valueOf((char) (c + 0xFEE0)))
                .reduce("", String::concat) + "科技（上海）股份有限公司";
        assertThat(matchNames("sales1", "name=" + encode(fullWidth))).contains(name);
        assertThat(matchNames("sales1", "phone=" + encode(phone.substring(0, 3) + "-" + phone.substring(3)))).contains(name);
        assertThat(matchNames("sales1", "email=" + encode("INFO" + marker + "@example.COM"))).contains(name);
        assertThat(matchNames("sales1", "name=" + encode("别的" + marker))).doesNotContain(name);
        assertThat(matchNames("sales1", "name=" + encode(name) + "&except=" + customer.get("id").asString()))
                .doesNotContain(name);

        JsonNode seenByOther = api.get("/api/v1/customers/duplicates?name=" + encode(name)).as("sales2").send().json()
                .get(0);
        assertThat(seenByOther.get("visible").asBoolean()).as("sales2 learns it exists, but may not open it").isFalse();
        assertThat(seenByOther.has("phone")).isFalse();
    }

    @Test
    @DisplayName("B6: the create form warns about duplicates with links and saves only after confirmation")
    void formWarnsFirst() {
        String name = "表单重复" + TestData.unique() + "有限公司";
        TestData.createCustomer(api, "sales1", Map.of("name", name));
        WebSession browser = new WebSession(api);
        browser.login("sales1", "demo123");
        String csrf = browser.csrfFrom("/customers/new");
        Api.Response warned = browser.post("/customers/new?lang=zh-CN", "_csrf", csrf, "name",
                name.replace("有限公司", "公司"), "type", "TARGET", "level", "NORMAL");
        assertThat(warned.status()).isEqualTo(200);
        assertThat(warned.text()).contains("duplicate-warning").contains("已存在相似的客户").contains(name);
        Api.Response saved = browser.post("/customers/new", "_csrf", csrf, "name", name.replace("有限公司", "公司"),
                "type", "TARGET", "level", "NORMAL", "confirmDuplicates", "true");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location")).matches(".*/customers/[0-9a-f-]{36}$");
    }

    @Test
    @DisplayName("B6: merging keeps the picked values, moves contacts and tags, archives the other and is audited")
    void merge() {
        String marker = TestData.unique();
        JsonNode survivor = TestData.createCustomer(api, "sales1",
                Map.of("name", "合并甲" + marker, "industry", "制造"));
        JsonNode merged = TestData.createCustomer(api, "sales1",
                Map.of("name", "合并乙" + marker, "industry", "物流", "address", "上海"));
        String survivorId = survivor.get("id").asString();
        String mergedId = merged.get("id").asString();
        api.post("/api/v1/contacts").as("sales1").json(Map.of("customerId", mergedId, "name", "随迁" + marker)).send();
        api.put("/api/v1/customers/" + mergedId + "/tags").as("sales1").json(Map.of("newTags", List.of("迁移" + marker)))
                .send();

        assertThat(api.post("/api/v1/customers/" + survivorId + "/merge").as("sales1")
                .json(Map.of("mergedId", mergedId)).send().status()).as("reps may not merge").isEqualTo(403);
        Api.Response bad = api.post("/api/v1/customers/" + survivorId + "/merge").as("manager")
                .json(Map.of("mergedId", mergedId, "picks", Map.of("ownerId", "merged"))).send();
        assertThat(bad.status()).isEqualTo(422);

        Api.Response done = api.post("/api/v1/customers/" + survivorId + "/merge").as("manager")
                .json(Map.of("mergedId", mergedId, "picks", Map.of("industry", "merged", "address", "merged"))).send();
        assertThat(done.status()).as("%s", done).isEqualTo(200);
        assertThat(done.json().get("name").asString()).isEqualTo("合并甲" + marker);
        assertThat(done.json().get("industry").asString()).isEqualTo("物流");
        assertThat(done.json().get("address").asString()).isEqualTo("上海");
        assertThat(done.json().get("tags").toString()).contains("迁移" + marker);
        assertThat(api.get("/api/v1/customers/" + survivorId + "/contacts").as("sales1").send().text())
                .contains("随迁" + marker);
        JsonNode other = api.get("/api/v1/customers/" + mergedId).as("sales1").send().json();
        assertThat(other.get("archived").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/customers/" + survivorId + "/audit").as("manager").send().text())
                .contains("\"field\":\"merge\"");

        Api.Response again = api.post("/api/v1/customers/" + survivorId + "/merge").as("manager")
                .json(Map.of("mergedId", mergedId)).send();
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    @DisplayName("B6/A3: a customer outside the merger's scope answers 404 and nothing changes")
    void mergeRespectsScope() {
        JsonNode mine = TestData.createCustomer(api, "manager", Map.of("name", "范围甲" + TestData.unique()));
        JsonNode support = TestData.createCustomer(api, "admin", Map.of("name", "范围乙" + TestData.unique()));
        // the admin's customer belongs to the company department, outside the sales manager's department tree
        Api.Response refused = api.post("/api/v1/customers/" + mine.get("id").asString() + "/merge").as("manager")
                .json(Map.of("mergedId", support.get("id").asString())).send();
        assertThat(refused.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/customers/" + support.get("id").asString()).as("admin").send().json()
                .get("archived").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("B6: only an administrator undoes a merge; values, contacts and tags come back")
    void undo() {
        String marker = TestData.unique();
        JsonNode survivor = TestData.createCustomer(api, "sales1", Map.of("name", "撤销甲" + marker, "industry", "制造"));
        JsonNode merged = TestData.createCustomer(api, "sales1", Map.of("name", "撤销乙" + marker, "industry", "物流"));
        String survivorId = survivor.get("id").asString();
        String mergedId = merged.get("id").asString();
        api.post("/api/v1/contacts").as("sales1").json(Map.of("customerId", mergedId, "name", "回迁" + marker)).send();
        api.post("/api/v1/customers/" + survivorId + "/merge").as("manager")
                .json(Map.of("mergedId", mergedId, "picks", Map.of("industry", "merged"))).send();
        String mergeId = api.get("/api/v1/customers/" + survivorId + "/merges").as("manager").send().json().get(0)
                .get("id").asString();

        assertThat(api.post("/api/v1/customer-merges/" + mergeId + "/undo").as("manager").send().status())
                .isEqualTo(403);
        Api.Response undone = api.post("/api/v1/customer-merges/" + mergeId + "/undo").as("admin").send();
        assertThat(undone.status()).as("%s", undone).isEqualTo(200);
        assertThat(undone.json().get("archived").asBoolean()).isFalse();
        JsonNode restored = api.get("/api/v1/customers/" + survivorId).as("sales1").send().json();
        assertThat(restored.get("industry").asString()).isEqualTo("制造");
        assertThat(api.get("/api/v1/customers/" + mergedId + "/contacts").as("sales1").send().text())
                .contains("回迁" + marker);
        assertThat(api.post("/api/v1/customer-merges/" + mergeId + "/undo").as("admin").send().status())
                .isEqualTo(409);
    }

    @Test
    @DisplayName("B6: the duplicate finder groups customers in scope that share a normalised name")
    void finder() {
        String marker = TestData.unique();
        TestData.createCustomer(api, "sales1", Map.of("name", "查重" + marker + "有限公司"));
        TestData.createCustomer(api, "sales1", Map.of("name", "查重" + marker + "公司"));
        Api.Response groups = api.get("/api/v1/customers/duplicate-groups").as("sales1").send();
        assertThat(groups.status()).isEqualTo(200);
        assertThat(groups.text()).contains("查重" + marker + "有限公司").contains("查重" + marker + "公司");
        assertThat(api.get("/api/v1/customers/duplicate-groups").as("sales2").send().text())
                .doesNotContain("查重" + marker);
    }
}
