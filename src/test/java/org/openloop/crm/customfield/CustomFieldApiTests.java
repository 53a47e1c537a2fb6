package org.openloop.crm.customfield;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.persistence.EntityManagerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Custom fields (B11) over the API: definitions (administrators only), values on customers and contacts, their
 * rules on every write, list filters and columns, export, hard delete and merge.
 */
@CrmIntegrationTest
class CustomFieldApiTests {

    @Autowired
    Api api;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    static Map<String, Object> field(String recordType, String labelEn, String type, Map<String, ?> more) {
        Map<String, Object> body = new HashMap<>(Map.of("recordType", recordType, "labelZh", "字段" + labelEn,
                "labelEn", labelEn, "type", type));
        body.putAll(more);
        return body;
    }

    JsonNode define(Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/custom-fields").as("admin").json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    void deactivate(JsonNode field) {
        assertThat(api.post("/api/v1/custom-fields/" + field.get("id").asString() + "/deactivate").as("admin").send()
                .status()).isEqualTo(200);
    }

    static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("B11/A2: administrators define, change, reorder and deactivate fields; others read or get 403")
    void definitionCrudAndPermissions() {
        String marker = TestData.unique();
        Map<String, Object> body = field("customer", "Region " + marker, "SINGLE_SELECT", Map.of("options",
                List.of(Map.of("zh", "华东", "en", "East"), Map.of("value", "north", "zh", "华北", "en", "North"))));
        for (String user : List.of("sales1", "manager")) {
            assertThat(api.post("/api/v1/custom-fields").as(user).json(body).send().status()).isEqualTo(403);
        }
        JsonNode field = define(body);
        String id = field.get("id").asString();
        assertThat(field.get("key").asString()).isEqualTo("region_" + marker.toLowerCase());
        assertThat(field.get("options").get(0).get("value").asString()).isEqualTo("o1");
        assertThat(field.get("options").get(1).get("value").asString()).isEqualTo("north");

        assertThat(api.get("/api/v1/custom-fields?recordType=customer").as("sales1").send().text()).contains(id);
        assertThat(api.get("/api/v1/custom-fields?recordType=order").as("sales1").send().status()).isEqualTo(400);

        Map<String, Object> change = new HashMap<>(body);
        change.put("labelEn", "Area " + marker);
        change.put("filterable", true);
        change.put("version", field.get("version").asLong());
        for (String user : List.of("sales1", "manager")) {
            assertThat(api.put("/api/v1/custom-fields/" + id).as(user).json(change).send().status()).isEqualTo(403);
            assertThat(api.post("/api/v1/custom-fields/" + id + "/deactivate").as(user).send().status())
                    .isEqualTo(403);
            assertThat(api.post("/api/v1/custom-fields/" + id + "/activate").as(user).send().status())
                    .isEqualTo(403);
        }
        Api.Response updated = api.put("/api/v1/custom-fields/" + id).as("admin").json(change).send();
        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        assertThat(updated.json().get("labelEn").asString()).isEqualTo("Area " + marker);
        assertThat(updated.json().get("key").asString()).as("the key never changes").isEqualTo(field.get("key")
                .asString());
        assertThat(updated.json().get("filterable").asBoolean()).isTrue();
        Api.Response stale = api.put("/api/v1/custom-fields/" + id).as("admin").json(change).send();
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).contains("application/problem+json");

        Map<String, Object> broken = field("customer", "Broken " + marker, "NUMBER", Map.of("min", 10, "max", 1));
        Api.Response refused = api.post("/api/v1/custom-fields").as("admin").json(broken).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("max");

        deactivate(updated.json());
        assertThat(api.get("/api/v1/custom-fields?recordType=customer").as("sales1").send().text()).doesNotContain(id);
        assertThat(api.get("/api/v1/custom-fields?recordType=customer&inactive=true").as("sales1").send().text())
                .contains(id);
        assertThat(api.get("/api/v1/audit-events?entityType=customField&entityId=" + id).as("admin").send().text()).contains(id);
    }

    @Test
    @DisplayName("B11: values are created, changed, cleared and read as customFields on customers and contacts")
    void valuesOnCustomersAndContacts() {
        String marker = TestData.unique();
        JsonNode amount = define(field("customer", "Volume " + marker, "MONEY", Map.of("min", 0)));
        JsonNode since = define(field("customer", "Since " + marker, "DATE", Map.of()));
        JsonNode topics = define(field("customer", "Topics " + marker, "MULTI_SELECT", Map.of("options",
                List.of(Map.of("value", "a", "zh", "甲", "en", "A"), Map.of("value", "b", "zh", "乙", "en", "B")))));
        JsonNode hobby = define(field("contact", "Hobby " + marker, "TEXT", Map.of("maxLength", 20)));
        JsonNode ratio = define(field("customer", "Ratio " + marker, "NUMBER", Map.of()));
        String a = amount.get("key").asString();
        String s = since.get("key").asString();
        String t = topics.get("key").asString();
        String r = ratio.get("key").asString();
        try {
            JsonNode customer = TestData.createCustomer(api, "sales1", Map.of("name", "字段客户" + marker,
                    "customFields", Map.of(a, "1234.5", s, "2024-05-01", t, List.of("b", "a"), r, "2.50")));
            assertThat(customer.get("customFields").get(a).decimalValue()).isEqualByComparingTo("1234.50");
            assertThat(customer.get("customFields").get(s).asString()).isEqualTo("2024-05-01");
            assertThat(customer.get("customFields").get(t).toString()).isEqualTo("[\"a\",\"b\"]");
            assertThat(customer.get("customFields").get(r).decimalValue()).isEqualByComparingTo("2.5");
            String id = customer.get("id").asString();
            assertThat(api.get("/api/v1/customers/" + id).as("sales1").send().json().get("customFields"))
                    .as("the create answers the values exactly as a read gives them").isEqualTo(
                            customer.get("customFields"));

            Api.Response changed = api.put("/api/v1/customers/" + id).as("sales1").json(Map.of("name",
                    "字段客户" + marker, "version", customer.get("version").asLong(), "customFields",
                    Map.of(a, 99))).send();
            assertThat(changed.status()).as("%s", changed).isEqualTo(200);
            JsonNode read = api.get("/api/v1/customers/" + id).as("sales1").send().json();
            assertThat(read.get("customFields").get(a).decimalValue()).isEqualByComparingTo("99");
            assertThat(read.get("customFields").get(s).asString()).as("left out keeps its value")
                    .isEqualTo("2024-05-01");
            Map<String, Object> clear = new HashMap<>();
            clear.put(s, null);
            api.put("/api/v1/customers/" + id).as("sales1").json(Map.of("name", "字段客户" + marker,
                    "customFields", clear)).send();
            assertThat(api.get("/api/v1/customers/" + id).as("sales1").send().json().get("customFields").has(s))
                    .isFalse();
            assertThat(api.get("/api/v1/customers/" + id + "/audit").as("sales1").send().text())
                    .contains("customFields." + a);

            Api.Response contact = api.post("/api/v1/contacts").as("sales1").json(Map.of("customerId", id, "name",
                    "联系" + marker, "customFields", Map.of(hobby.get("key").asString(), "围棋"))).send();
            assertThat(contact.status()).as("%s", contact).isEqualTo(201);
            assertThat(api.get("/api/v1/contacts/" + contact.json().get("id").asString()).as("sales1").send().json()
                    .get("customFields").get(hobby.get("key").asString()).asString()).isEqualTo("围棋");
        }
        finally {
            List.of(amount, since, topics, hobby, ratio).forEach(this::deactivate);
        }
    }

    @Test
    @DisplayName("B11: required, type and rule violations and unknown keys answer 400 with a field error per field")
    void validation() {
        String marker = TestData.unique();
        JsonNode code = define(field("customer", "Code " + marker, "TEXT",
                Map.of("required", true, "maxLength", 5, "pattern", "[A-Z]+")));
        JsonNode size = define(field("customer", "Seats " + marker, "NUMBER", Map.of("min", 1, "max", 100)));
        String c = code.get("key").asString();
        String n = size.get("key").asString();
        try {
            Api.Response missing = api.post("/api/v1/customers").as("sales1").language("en")
                    .json(Map.of("name", "缺" + marker)).send();
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.contentType()).contains("application/problem+json");
            assertThat(missing.json().get("errors").toString()).contains("customFields." + c)
                    .contains("Code " + marker + " is required.");

            Api.Response wrong = api.post("/api/v1/customers").as("sales1").language("en").json(Map.of("name",
                    "错" + marker, "customFields", Map.of(c, "abcdefg", n, "many", "nosuch_" + marker, 1))).send();
            assertThat(wrong.status()).isEqualTo(400);
            String errors = wrong.json().get("errors").toString();
            assertThat(errors).contains("customFields." + c).contains("At most 5 characters.")
                    .contains("customFields." + n).contains("Enter a number.")
                    .contains("customFields.nosuch_" + marker.toLowerCase());

            Api.Response range = api.post("/api/v1/customers").as("sales1").language("zh-CN").json(Map.of("name",
                    "范" + marker, "customFields", Map.of(c, "abc", n, 500))).send();
            assertThat(range.status()).isEqualTo(400);
            assertThat(range.json().get("errors").toString()).contains("格式不正确").contains("不能大于 100");

            Api.Response object = api.post("/api/v1/customers").as("sales1").json(Map.of("name", "型" + marker,
                    "customFields", Map.of(c, Map.of("x", 1)))).send();
            assertThat(object.status()).isEqualTo(400);

            assertThat(api.post("/api/v1/customers").as("sales1").json(Map.of("name", "好" + marker,
                    "customFields", Map.of(c, "ABC", n, 7))).send().status()).isEqualTo(201);
        }
        finally {
            deactivate(code);
            deactivate(size);
        }
    }

    @Test
    @DisplayName("B11/K3: lists filter by select any-of, number range and text; metacharacters stay inert")
    void listFilters() {
        String marker = TestData.unique();
        JsonNode stage = define(field("customer", "Stage " + marker, "SINGLE_SELECT", Map.of("filterable", true,
                "shownInList", true, "options", List.of(Map.of("value", "lead", "zh", "线索", "en", "Lead"),
                        Map.of("value", "deal", "zh", "成交", "en", "Deal"), Map.of("value", "lost", "zh", "流失",
                                "en", "Lost")))));
        JsonNode budget = define(field("customer", "Budget " + marker, "MONEY", Map.of("filterable", true)));
        JsonNode note = define(field("customer", "Note " + marker, "TEXT", Map.of("filterable", true)));
        JsonNode hidden = define(field("customer", "Hidden " + marker, "TEXT", Map.of()));
        String st = stage.get("key").asString();
        String bu = budget.get("key").asString();
        String no = note.get("key").asString();
        try {
            TestData.createCustomer(api, "sales1", Map.of("name", "筛甲" + marker, "customFields",
                    Map.of(st, "lead", bu, 100, no, "x' OR '1'='1")));
            TestData.createCustomer(api, "sales1", Map.of("name", "筛乙" + marker, "customFields",
                    Map.of(st, "deal", bu, 5000)));
            TestData.createCustomer(api, "sales1", Map.of("name", "筛丙" + marker, "customFields",
                    Map.of(st, "lost", bu, 20000)));
            String base = "/api/v1/customers?q=" + url(marker) + "&";

            assertThat(names(base + "cf." + st + "=lead,deal")).containsExactlyInAnyOrder("筛甲" + marker,
                    "筛乙" + marker);
            assertThat(names(base + "cf." + bu + ".from=1000&cf." + bu + ".to=5000")).containsExactly("筛乙" + marker);
            assertThat(names(base + "cf." + no + ".contains=" + url("'1'='1"))).containsExactly("筛甲" + marker);
            assertThat(names(base + "cf." + no + "=" + url("x' OR '1'='1"))).containsExactly("筛甲" + marker);
            assertThat(names(base + "cf." + no + "=" + url("' OR 1=1 --"))).isEmpty();
            assertThat(names(base + "cf." + st + "=" + url("lead') OR 1=1 --"))).isEmpty();
            assertThat(names(base + "cf." + no + ".contains=" + url("%"))).isEmpty();

            Api.Response notFilterable = api.get(base + "cf." + hidden.get("key").asString() + "=x").as("sales1")
                    .send();
            assertThat(notFilterable.status()).isEqualTo(400);
            assertThat(api.get(base + "cf.nosuch=1").as("sales1").send().status()).isEqualTo(400);
            assertThat(api.get(base + "cf." + bu + ".from=abc").as("sales1").send().status()).isEqualTo(400);
            assertThat(api.get(base + "cf." + bu + ".drop=1").as("sales1").send().status()).isEqualTo(400);

            String csv = api.get("/api/v1/customers/export?format=csv&q=" + url(marker) + "&cf." + st + "=deal")
                    .as("manager").send().text();
            assertThat(csv).contains("筛乙" + marker).doesNotContain("筛甲" + marker).contains(st).contains("deal");
        }
        finally {
            List.of(stage, budget, note, hidden).forEach(this::deactivate);
        }
    }

    @Test
    @DisplayName("B11: the values of a whole page are loaded with a fixed number of statements (no N+1)")
    void valuesLoadedPerPage() {
        String marker = TestData.unique();
        JsonNode tier = define(field("customer", "Tier " + marker, "TEXT", Map.of()));
        try {
            for (int i = 0; i < 8; i++) {
                TestData.createCustomer(api, "sales1", Map.of("name", "批" + i + marker, "customFields",
                        Map.of(tier.get("key").asString(), "T" + i)));
            }
            String path = "/api/v1/customers?q=" + url(marker) + "&size=";
            api.get(path + "2").as("sales1").send();
            // the lower of two runs: a cached user or token expiring in between reloads it once
            long two = Math.min(statements(path + "2"), statements(path + "2"));
            long eight = Math.min(statements(path + "8"), statements(path + "8"));
            assertThat(names(path + "8")).hasSize(8);
            assertThat(eight).as("statements for 8 rows vs 2 rows").isEqualTo(two);
        }
        finally {
            deactivate(tier);
        }
    }

    @Test
    @DisplayName("B11/B7/B6: values go with a hard-deleted customer, move to the survivor of a merge where it has none, and move back when the merge is undone")
    void deleteAndMerge() {
        String marker = TestData.unique();
        JsonNode grade = define(field("customer", "Grade " + marker, "TEXT", Map.of("filterable", true)));
        JsonNode score = define(field("customer", "Score " + marker, "NUMBER", Map.of()));
        String g = grade.get("key").asString();
        String sc = score.get("key").asString();
        try {
            String doomed = TestData.createCustomer(api, "sales1", Map.of("name", "删" + marker, "customFields",
                    Map.of(g, "gone" + marker))).get("id").asString();
            assertThat(api.delete("/api/v1/customers/" + doomed).as("admin").send().status()).isEqualTo(204);
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    api.get("/api/v1/customers?archived=true&cf." + g + "=gone" + marker).as("admin").send().json()
                            .get("items")).isEmpty());

            String survivor = TestData.createCustomer(api, "sales1", Map.of("name", "存" + marker, "customFields",
                    Map.of(sc, 1))).get("id").asString();
            String merged = TestData.createCustomer(api, "sales1", Map.of("name", "并" + marker, "customFields",
                    Map.of(g, "moved" + marker, sc, 2))).get("id").asString();
            Api.Response done = api.post("/api/v1/customers/" + survivor + "/merge").as("manager")
                    .json(Map.of("mergedId", merged)).send();
            assertThat(done.status()).as("%s", done).isEqualTo(200);
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode fields = api.get("/api/v1/customers/" + survivor).as("manager").send().json()
                        .get("customFields");
                // path(): until the merge's listener has moved it the value is missing, which must be retried
                assertThat(fields.path(g).asString("")).isEqualTo("moved" + marker);
                assertThat(fields.path(sc).asInt(0)).as("the survivor's own value stays").isEqualTo(1);
            });
            JsonNode kept = api.get("/api/v1/customers/" + merged).as("manager").send().json().get("customFields");
            assertThat(kept.has(g)).as("the moved value left the merged customer").isFalse();
            assertThat(kept.get(sc).asInt()).as("the merged customer keeps the value the survivor did not take")
                    .isEqualTo(2);

            // an undone merge gives the moved value back, and the survivor keeps only its own
            String mergeId = api.get("/api/v1/customers/" + survivor + "/merges").as("manager").send().json().get(0)
                    .get("id").asString();
            assertThat(api.post("/api/v1/customer-merges/" + mergeId + "/undo").as("admin").send().status())
                    .isEqualTo(200);
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode back = api.get("/api/v1/customers/" + merged).as("manager").send().json()
                        .get("customFields");
                assertThat(back.path(g).asString("")).isEqualTo("moved" + marker);
                assertThat(back.path(sc).asInt(0)).isEqualTo(2);
                JsonNode own = api.get("/api/v1/customers/" + survivor).as("manager").send().json()
                        .get("customFields");
                assertThat(own.has(g)).isFalse();
                assertThat(own.path(sc).asInt(0)).isEqualTo(1);
            });
        }
        finally {
            deactivate(grade);
            deactivate(score);
        }
    }

    private List<String> names(String path) {
        Api.Response response = api.get(path).as("sales1").send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json().get("items").forEach(item -> names.add(item.get("name").asString()));
        return names;
    }

    private long statements(String path) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            assertThat(api.get(path).as("sales1").send().status()).isEqualTo(200);
            return statistics.getPrepareStatementCount();
        }
        finally {
            statistics.setStatisticsEnabled(enabled);
        }
    }

    @Test
    @DisplayName("B11/B2: contact custom fields are list columns and filters on /contacts and in the contacts API and count")
    void contactListColumnsAndFilters() {
        String marker = TestData.unique();
        JsonNode role = define(field("contact", "Role " + marker, "SINGLE_SELECT", Map.of("filterable", true,
                "shownInList", true, "options", List.of(Map.of("value", "buyer", "zh", "采购", "en", "Buyer"),
                        Map.of("value", "user", "zh", "使用者", "en", "User")))));
        String key = role.get("key").asString();
        try {
            String customerId = TestData.createCustomer(api, "sales1", Map.of("name", "联系人字段" + marker)).get("id")
                    .asString();
            for (String[] c : List.of(new String[] { "甲" + marker, "buyer" }, new String[] { "乙" + marker, "user" })) {
                Api.Response created = api.post("/api/v1/contacts").as("sales1").json(Map.of("customerId", customerId,
                        "name", c[0], "customFields", Map.of(key, c[1]))).send();
                assertThat(created.status()).as("%s", created).isEqualTo(201);
            }
            Api.Response buyers = api.get("/api/v1/contacts?customerId=" + customerId + "&cf." + key + "=buyer")
                    .as("sales1").send();
            assertThat(buyers.status()).as("%s", buyers).isEqualTo(200);
            assertThat(buyers.json().get("items")).hasSize(1);
            assertThat(buyers.json().get("items").get(0).get("name").asString()).isEqualTo("甲" + marker);
            assertThat(api.get("/api/v1/contacts/count?customerId=" + customerId + "&cf." + key + "=buyer")
                    .as("sales1").send().json().get("value").asLong()).isEqualTo(1);
            assertThat(api.get("/api/v1/contacts?customerId=" + customerId + "&cf." + key + "=buyer").as("sales2")
                    .send().json().get("items")).as("scope still applies").isEmpty();

            org.openloop.crm.testkit.WebSession web = new org.openloop.crm.testkit.WebSession(api);
            web.login("sales1", "demo123");
            String page = web.get("/contacts?lang=en&customerId=" + customerId + "&cf." + key + "=user").text();
            assertThat(page).contains("Role " + marker).contains("乙" + marker).doesNotContain("甲" + marker)
                    .contains("name=\"cf." + key + "\"");
        }
        finally {
            deactivate(role);
        }
    }
}
