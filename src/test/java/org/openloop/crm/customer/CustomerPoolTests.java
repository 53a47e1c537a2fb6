package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The customer pool (公海, B5) through the API: return with reason, visibility of pooled customers, claim within the
 * cap, manager assignment with the A5 check, and the automatic return that runs once however often it is started.
 */
@CrmIntegrationTest
class CustomerPoolTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerPoolJob job;

    private JsonNode customer(String owner, String level) {
        return TestData.createCustomer(api, owner, Map.of("name", "公海客户" + TestData.unique(), "level", level));
    }

    private Api.Response giveBack(String username, String id, String reason) {
        return api.post("/api/v1/customers/" + id + "/return").as(username).json(Map.of("reason", reason)).send();
    }

    @Test
    @DisplayName("B5: a returned customer has no owner, keeps its reason, and every customer viewer sees it in the pool")
    void returnedCustomerIsInThePool() {
        String id = customer("sales1", "NORMAL").get("id").asString();
        Api.Response returned = giveBack("sales1", id, "客户暂无预算");
        assertThat(returned.status()).as("%s", returned).isEqualTo(200);
        assertThat(returned.json().get("ownerId").isNull()).isTrue();
        assertThat(returned.json().get("pooled").asBoolean()).isTrue();
        assertThat(returned.json().get("poolReason").asString()).isEqualTo("客户暂无预算");

        // sales2 could not see it before; now it is in the pool for everyone who may view customers
        assertThat(api.get("/api/v1/customers/" + id).as("sales2").send().status()).isEqualTo(200);
        assertThat(ids(api.get("/api/v1/customer-pool?size=100&q=公海客户").as("sales2").send())).contains(id);
        assertThat(ids(api.get("/api/v1/customers?size=100&q=公海客户").as("admin").send()))
                .as("owned lists leave pooled customers out").doesNotContain(id);

        // a pooled customer cannot be edited before it is claimed
        Api.Response edit = api.put("/api/v1/customers/" + id).as("sales2")
                .json(Map.of("name", "x", "version", returned.json().get("version").asLong())).send();
        assertThat(edit.status()).isEqualTo(404);

        String history = api.get("/api/v1/customers/" + id + "/audit").as("admin").send().text();
        assertThat(history).contains("ASSIGN").contains("客户暂无预算");
    }

    @Test
    @DisplayName("B5: returning needs a reason and an owned customer; others' customers answer 404")
    void returnRules() {
        String id = customer("sales1", "NORMAL").get("id").asString();
        Api.Response blank = giveBack("sales1", id, " ");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(giveBack("sales2", id, "not mine").status()).isEqualTo(404);
        assertThat(giveBack("sales1", id, "ok").status()).isEqualTo(200);
        assertThat(giveBack("sales1", id, "again").status()).isIn(404, 409);
    }

    @Test
    @DisplayName("B5: claiming makes the claimer the owner; a second claim of the same customer is refused")
    void claim() {
        DemoOrganization org = DemoOrganization.load(api);
        String id = customer("sales1", "NORMAL").get("id").asString();
        giveBack("sales1", id, "换人跟进");
        Api.Response claimed = api.post("/api/v1/customers/" + id + "/claim").as("sales2").send();
        assertThat(claimed.status()).as("%s", claimed).isEqualTo(200);
        assertThat(claimed.json().get("ownerId").asString()).isEqualTo(org.user("sales2").id().toString());
        assertThat(claimed.json().get("departmentId").asString())
                .isEqualTo(org.user("sales2").departmentId().toString());
        assertThat(claimed.json().get("returnsToPoolAt").isNull()).isFalse();
        Api.Response again = api.post("/api/v1/customers/" + id + "/claim").as("sales1").send();
        assertThat(again.status()).as("sales1 no longer sees it").isEqualTo(404);
        Api.Response byManager = api.post("/api/v1/customers/" + id + "/claim").as("manager").send();
        assertThat(byManager.status()).as("visible but not pooled").isEqualTo(409);
    }

    @Test
    @DisplayName("B5: the cap of a level refuses a claim beyond it with a localised message")
    void capPerLevel() {
        UUID salesRep = TestData.roleId(api, "SALES_REP");
        DemoOrganization org = DemoOrganization.load(api);
        TestData.TestUser rep = TestData.createUser(api, org.user("sales1").departmentId(), List.of(salesRep));
        String token = api.createToken(rep.username(), rep.password());
        JsonNode rule = rule("KEY");
        try {
            setCap("KEY", 1);
            String first = customer("sales1", "KEY").get("id").asString();
            String second = customer("sales1", "KEY").get("id").asString();
            giveBack("sales1", first, "cap test");
            giveBack("sales1", second, "cap test");
            assertThat(api.post("/api/v1/customers/" + first + "/claim").bearer(token).send().status()).isEqualTo(200);
            Api.Response refused = api.post("/api/v1/customers/" + second + "/claim").bearer(token).language("zh-CN")
                    .send();
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("detail").asString()).contains("上限");
        }
        finally {
            setCap("KEY", rule.get("maxPerOwner").isNull() ? null : rule.get("maxPerOwner").asInt());
        }
    }

    @Test
    @DisplayName("B5/A5: a manager assigns a pooled customer; assigning to a user who could not see it is refused")
    void managerAssignsFromThePool() {
        DemoOrganization org = DemoOrganization.load(api);
        String id = customer("sales1", "NORMAL").get("id").asString();
        giveBack("sales1", id, "分配测试");
        Api.Response toTech = api.post("/api/v1/customers/" + id + "/transfer").as("manager")
                .json(Map.of("assigneeId", org.user("tech1").id().toString())).send();
        assertThat(toTech.status()).isEqualTo(422);
        Api.Response toRep = api.post("/api/v1/customers/" + id + "/transfer").as("manager")
                .json(Map.of("assigneeId", org.user("sales2").id().toString())).send();
        assertThat(toRep.status()).as("%s", toRep).isEqualTo(200);
        assertThat(toRep.json().get("ownerId").asString()).isEqualTo(org.user("sales2").id().toString());
        assertThat(api.post("/api/v1/customers/" + id + "/transfer").as("sales2")
                .json(Map.of("assigneeId", org.user("sales1").id().toString())).send().status())
                .as("reps may not assign").isEqualTo(403);
    }

    @Test
    @DisplayName("B5/K1: overdue customers return automatically, once, with their contacts; owners of customers due soon are warned once")
    void automaticReturnIsIdempotent() {
        JsonNode overdue = customer("sales1", "NORMAL");
        JsonNode dueSoon = customer("sales1", "NORMAL");
        JsonNode fresh = customer("sales1", "NORMAL");
        String overdueId = overdue.get("id").asString();
        api.post("/api/v1/contacts").as("sales1").json(Map.of("customerId", overdueId, "name", "随客户走")).send();
        int days = rule("NORMAL").get("returnAfterDays").asInt();
        backdate(overdueId, days + 1);
        backdate(dueSoon.get("id").asString(), days - 1);

        job.returnAndWarn();
        job.returnAndWarn();

        JsonNode afterOverdue = api.get("/api/v1/customers/" + overdueId).as("admin").send().json();
        assertThat(afterOverdue.get("pooled").asBoolean()).isTrue();
        assertThat(afterOverdue.get("poolReason").asString()).isEqualTo("customer.pool.reason.automatic");
        Long assignments = jdbc.sql("select count(*) from audit_event where entity_id = ? and action = 'ASSIGN'")
                .param(overdueId).query(Long.class).single();
        assertThat(assignments).as("returned exactly once").isEqualTo(1);
        Long ownedContacts = jdbc.sql("select count(*) from contact where customer_id = ? and owner_id is not null")
                .param(UUID.fromString(overdueId)).query(Long.class).single();
        assertThat(ownedContacts).isZero();

        JsonNode afterDueSoon = api.get("/api/v1/customers/" + dueSoon.get("id").asString()).as("sales1").send()
                .json();
        assertThat(afterDueSoon.get("pooled").asBoolean()).isFalse();
        Object warned = jdbc.sql("select pool_warned_at from customer where id = ?")
                .param(UUID.fromString(dueSoon.get("id").asString())).query().singleRow().get("pool_warned_at");
        assertThat(warned).isNotNull();
        // K1: the owner is told once, although the job ran twice
        Long notices = jdbc.sql("select count(*) from notification where type = 'customer.poolWarning' and link = ?")
                .param("/customers/" + dueSoon.get("id").asString()).query(Long.class).single();
        assertThat(notices).isEqualTo(1);
        Object notWarned = jdbc.sql("select pool_warned_at from customer where id = ?")
                .param(UUID.fromString(fresh.get("id").asString())).query().singleRow().get("pool_warned_at");
        assertThat(notWarned).isNull();
    }

    @Test
    @DisplayName("B5: pool rules are changed by managers only and refuse a warning later than the return")
    void rules() {
        JsonNode rule = rule("VIP");
        Map<String, Object> body = Map.of("returnAfterDays", 10, "warnBeforeDays", 10, "maxPerOwner", 5);
        assertThat(api.put("/api/v1/customer-pool/rules/VIP").as("sales1").json(body).send().status()).isEqualTo(403);
        Api.Response late = api.put("/api/v1/customer-pool/rules/VIP").as("manager").json(body).send();
        assertThat(late.status()).isEqualTo(422);
        Api.Response wrongLevel = api.put("/api/v1/customer-pool/rules/GOLD").as("manager").json(body).send();
        assertThat(wrongLevel.status()).isEqualTo(400);
        assertThat(rule("VIP").get("version").asLong()).isEqualTo(rule.get("version").asLong());
    }

    private JsonNode rule(String level) {
        for (JsonNode rule : api.get("/api/v1/customer-pool/rules").as("manager").send().json()) {
            if (rule.get("level").asString().equals(level)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + level);
    }

    private void setCap(String level, Integer cap) {
        JsonNode rule = rule(level);
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("returnAfterDays", rule.get("returnAfterDays").isNull() ? null : rule.get("returnAfterDays").asInt());
        body.put("warnBeforeDays", rule.get("warnBeforeDays").asInt());
        body.put("maxPerOwner", cap);
        body.put("version", rule.get("version").asLong());
        Api.Response response = api.put("/api/v1/customer-pool/rules/" + level).as("manager").json(body).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    private void backdate(String id, int days) {
        jdbc.sql("update customer set owned_since = ?, created_at = ? where id = ?")
                .param(Timestamp.from(Instant.now().minus(days, ChronoUnit.DAYS)))
                .param(Timestamp.from(Instant.now().minus(days, ChronoUnit.DAYS)))
                .param(UUID.fromString(id)).update();
    }

    private static List<String> ids(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
