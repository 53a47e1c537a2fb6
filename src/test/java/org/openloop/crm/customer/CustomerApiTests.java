package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The customer REST API under hostile or clumsy clients (K3, K4, B1): mass assignment, optimistic locking, unknown
 * ids, malformed input and list parameters all answer a localised 4xx problem, never a 500, and store nothing.
 */
@CrmIntegrationTest
class CustomerApiTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("B1/A5 mass assignment: ownerId, departmentId, number and archived in a create body are ignored")
    void createIgnoresOwnershipFields() {
        DemoOrganization org = DemoOrganization.load(api);
        String name = "B1客户" + TestData.unique();
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("ownerId", org.user("manager").id().toString());
        body.put("departmentId", org.user("tech1").departmentId().toString());
        body.put("number", "HACK-1");
        body.put("archived", true);
        JsonNode created = TestData.createCustomer(api, "sales1", body);
        assertThat(created.get("ownerId").asString()).isEqualTo(org.user("sales1").id().toString());
        assertThat(created.get("departmentId").asString()).isEqualTo(org.user("sales1").departmentId().toString());
        assertThat(created.get("number").asString()).isNotEqualTo("HACK-1");
        assertThat(created.get("archived").asBoolean()).isFalse();
        Map<String, Object> stored = jdbc.sql("select owner_id, department_id, archived from customer where name = ?")
                .param(name).query().singleRow();
        assertThat(stored.get("owner_id").toString()).isEqualTo(org.user("sales1").id().toString());
        assertThat(stored.get("department_id").toString()).isEqualTo(org.user("sales1").departmentId().toString());
        assertThat(stored.get("archived")).isEqualTo(false);
    }

    @Test
    @DisplayName("A1/A2 mass assignment: roles, roleCodes and active in a user create body do not grant anything")
    void userCreateIgnoresRoleNames() {
        Map<String, Object> body = new HashMap<>();
        String username = "m" + TestData.unique();
        body.put("username", username);
        body.put("displayName", "Mass " + username);
        body.put("password", TestData.PASSWORD);
        body.put("roleIds", List.of(TestData.roleId(api, "SALES_REP").toString()));
        body.put("roles", List.of("ADMIN"));
        body.put("roleCodes", List.of("ADMIN"));
        body.put("authorities", List.of("ROLE_ADMIN", "sensitive:view"));
        body.put("active", false);
        Api.Response response = api.post("/api/v1/users").as("admin").json(body).send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        assertThat(response.json().get("roleCodes")).hasSize(1);
        assertThat(response.json().get("roleCodes").get(0).asString()).isEqualTo("SALES_REP");
        assertThat(response.json().get("active").asBoolean()).isTrue();
        String token = api.createToken(username, TestData.PASSWORD);
        assertThat(api.get("/api/v1/audit-events").bearer(token).send().status()).isEqualTo(403);
    }

    @Test
    @DisplayName("K3 optimistic locking: stale version in the body → 409, stale If-Match → 412, current → 200")
    void optimisticLocking() {
        String name = "K3锁" + TestData.unique();
        String id = TestData.createCustomer(api, "sales1", Map.of("name", name)).get("id").asString();
        Api.Response read = api.get("/api/v1/customers/" + id).as("sales1").send();
        assertThat(read.header("ETag")).isEqualTo("\"0\"");

        Api.Response first = api.put("/api/v1/customers/" + id).as("sales1")
                .json(Map.of("name", name + "-1", "version", 0)).send();
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");

        Api.Response staleBody = api.put("/api/v1/customers/" + id).as("sales1")
                .json(Map.of("name", name + "-stale", "version", 0)).send();
        assertThat(staleBody.status()).isEqualTo(409);
        assertThat(staleBody.contentType()).startsWith("application/problem+json");

        Api.Response staleHeader = api.put("/api/v1/customers/" + id).as("sales1").header("If-Match", "\"0\"")
                .json(Map.of("name", name + "-stale")).send();
        assertThat(staleHeader.status()).isEqualTo(412);
        assertThat(staleHeader.json().get("title").asString()).isEqualTo("Precondition failed");

        Api.Response current = api.put("/api/v1/customers/" + id).as("sales1").header("If-Match", "\"1\"")
                .json(Map.of("name", name + "-2")).send();
        assertThat(current.status()).isEqualTo(200);
        assertThat(jdbc.sql("select name from customer where id = ?")
                .param(java.util.UUID.fromString(id)).query(String.class).single()).isEqualTo(name + "-2");
    }

    @ParameterizedTest(name = "K3 {0} → 404 problem")
    @ValueSource(strings = { "/api/v1/customers/6f0c1f8e-0000-4000-8000-000000000000",
            "/api/v1/contacts/6f0c1f8e-0000-4000-8000-000000000000",
            "/api/v1/customers/6f0c1f8e-0000-4000-8000-000000000000/audit" })
    void unknownIdIs404(String path) {
        Api.Response response = api.get(path).as("admin").send();
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("title").asString()).isEqualTo("Not found");
    }

    static Stream<Arguments> badBodies() {
        String longName = "名".repeat(201);
        return Stream.of(
                Arguments.of("invalid JSON", "{\"name\": \"MARK\", ", null),
                Arguments.of("not an object", "[\"MARK\"]", null),
                Arguments.of("wrong type for name", "{\"name\": {\"x\": \"MARK\"}}", null),
                Arguments.of("unknown enum value", "{\"name\": \"MARK\", \"type\": \"FRIEND\"}", null),
                Arguments.of("number where a version is expected", "{\"name\": \"MARK\", \"version\": \"abc\"}", null),
                Arguments.of("invalid phone", "{\"name\": \"MARK\", \"phone\": \"12345\"}", "phone"),
                Arguments.of("invalid e-mail", "{\"name\": \"MARK\", \"email\": \"not-mail\"}", "email"),
                Arguments.of("invalid website", "{\"name\": \"MARK\", \"website\": \"javascript:alert(1)\"}", "website"),
                Arguments.of("blank name", "{\"name\": \"   \", \"industry\": \"MARK\"}", "name"),
                Arguments.of("too-long name", "{\"name\": \"MARK" + longName + "\"}", "name"));
    }

    @ParameterizedTest(name = "K3 create with {0} → 400 problem+json, localised, nothing stored")
    @MethodSource("badBodies")
    void badInputIsRefused(String description, String body, String field) {
        String marker = "BAD" + TestData.unique();
        for (String language : List.of("en", "zh-CN")) {
            Api.Response response = api.post("/api/v1/customers").as("sales1").language(language)
                    .json(body.replace("MARK", marker)).send();
            assertThat(response.status()).as("%s", response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.get("title").asString()).isEqualTo(language.equals("en") ? "Bad request" : "请求有误");
            assertThat(problem.get("detail").asString()).isNotBlank();
            if (field != null) {
                assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
                if (language.equals("zh-CN")) {
                    assertThat(problem.get("detail").asString()).isEqualTo("部分字段填写有误。");
                }
            }
            assertThat(response.text()).doesNotContain("Exception", "at org.");
        }
        assertThat(jdbc.sql("select count(*) from customer where name like ? or industry like ?")
                .params("%" + marker + "%", "%" + marker + "%").query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("K3 an update with bad input changes nothing")
    void badUpdateChangesNothing() {
        String name = "K3改" + TestData.unique();
        String id = TestData.createCustomer(api, "sales1", Map.of("name", name, "industry", "零售")).get("id")
                .asString();
        Api.Response response = api.put("/api/v1/customers/" + id).as("sales1")
                .json(Map.of("name", name + "-x", "industry", "制造", "phone", "abc")).send();
        assertThat(response.status()).isEqualTo(400);
        JsonNode stored = api.get("/api/v1/customers/" + id).as("sales1").send().json();
        assertThat(stored.get("name").asString()).isEqualTo(name);
        assertThat(stored.get("industry").asString()).isEqualTo("零售");
        assertThat(stored.get("version").asLong()).isZero();
    }

    @ParameterizedTest(name = "K3 list with {0} → 400 problem, never 500")
    @ValueSource(strings = { "sort=unknownField", "sort=name;drop%20table%20customer", "sort=name%3Bdrop%20table%20customer",
            "sort=owner_id", "size=0", "size=101", "size=abc", "cursor=%25%25%25", "cursor=bm90LWEtY3Vyc29y",
            "type=FRIEND", "archived=maybe", "ownerId=not-a-uuid", "activity=SLEEPY" })
    void badListParameters(String query) {
        Api.Response response = api.get("/api/v1/customers?" + query).as("admin").send();
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("title").asString()).isEqualTo("Bad request");
        assertThat(jdbc.sql("select count(*) from customer").query(Long.class).single()).isPositive();
    }

    @ParameterizedTest(name = "K3 malformed path or export parameter {0} → 400, never 500")
    @ValueSource(strings = { "/api/v1/customers/not-a-uuid", "/api/v1/customers/export?format=pdf" })
    void malformedRequests(String path) {
        Api.Response response = api.get(path).as("admin").send();
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    @DisplayName("K4 problem titles follow Accept-Language: Chinese for zh-CN, English for en")
    void problemTitlesAreLocalised() {
        String path = "/api/v1/customers/6f0c1f8e-0000-4000-8000-000000000000";
        assertThat(api.get(path).as("admin").language("zh-CN").send().json().get("title").asString())
                .isEqualTo("未找到");
        assertThat(api.get(path).as("admin").language("en").send().json().get("title").asString())
                .isEqualTo("Not found");
        assertThat(api.get("/api/v1/customers").language("zh-CN").send().json().get("title").asString())
                .matches(".*\\p{IsHan}.*");
        assertThat(api.get("/api/v1/customers").language("en-US").send().json().get("title").asString())
                .isEqualTo("Not signed in");
    }

    @Test
    @DisplayName("K3 paging works together with the company size filter (size= is the page size)")
    void pageSizeAndCompanySizeFilter() {
        String marker = "K3页" + TestData.unique();
        for (int i = 0; i < 3; i++) {
            TestData.createCustomer(api, "sales1", Map.of("name", marker + i, "size", "MEDIUM"));
        }
        TestData.createCustomer(api, "sales1", Map.of("name", marker + "s", "size", "SMALL"));
        Api.Response first = api.get("/api/v1/customers?size=2&sort=name&companySize=MEDIUM&q=" + marker)
                .as("sales1").send();
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.json().get("items").findValuesAsString("name")).containsExactly(marker + "0", marker + "1");
        String cursor = first.json().get("nextCursor").asString();
        Api.Response second = api.get("/api/v1/customers?size=2&sort=name&companySize=MEDIUM&q=" + marker
                + "&cursor=" + cursor).as("sales1").send();
        assertThat(second.json().get("items").findValuesAsString("name")).containsExactly(marker + "2");
        assertThat(second.json().get("nextCursor").isNull()).isTrue();
    }
}
