package org.openloop.crm.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transferring a contract to another user (A5 on contracts): needs contract:assign and a contract in the caller's
 * scope; the assignee is checked; owner, department, instalments and payments move; the move is audited, found by
 * the new owner in search and announced to them; the contract page offers the same with the refusal on the field.
 */
@CrmIntegrationTest
class ContractTransferTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("A5 F6: a manager transfers a rep's contract to another rep — the new owner sees it with its payments, the old owner gets 404, the move is audited")
    void managerTransfersContract() {
        DemoOrganization org = DemoOrganization.load(api);
        String title = "转移合同" + TestData.unique();
        UUID id = ContractFixtures.contract(jdbc, org.user("sales1"), title, new BigDecimal("2000.00"));
        String base = "/api/v1/contracts/" + id;
        assertThat(api.post(base + "/payment-plans").as("sales1")
                .json(Map.of("dueDate", "2026-03-01", "amount", "1000.00")).send().status()).isEqualTo(201);
        assertThat(api.post(base + "/payments").as("sales1")
                .json(Map.of("receivedOn", "2026-02-01", "amount", "500.00", "method", "CASH")).send().status())
                .isEqualTo(201);

        Api.Response moved = api.post(base + "/transfer").as("manager")
                .json(Map.of("assigneeId", org.user("sales2").id().toString())).send();

        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(moved.json().get("ownerId").asString()).isEqualTo(org.user("sales2").id().toString());
        assertThat(moved.json().get("departmentId").asString())
                .isEqualTo(org.user("sales2").departmentId().toString());
        assertThat(api.get(base).as("sales2").send().status()).isEqualTo(200);
        assertThat(api.get(base).as("sales1").send().status()).isEqualTo(404);
        assertThat(api.get(base + "/payments").as("sales2").send().json()).hasSize(1);
        assertThat(api.get(base + "/payment-plans").as("sales2").send().json()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from payment where contract_id = ? and owner_id = ? and department_id = ?")
                .params(id, org.user("sales2").id(), org.user("sales2").departmentId()).query(Long.class).single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from payment_plan where contract_id = ? and owner_id = ?")
                .params(id, org.user("sales2").id()).query(Long.class).single()).isEqualTo(1L);

        assertThat(jdbc.sql("""
                select count(*) from audit_event where entity_type = 'contract' and entity_id = ? and action = 'ASSIGN'
                    and field = 'ownerId' and old_value = ? and new_value = ?""")
                .params(String.valueOf(id), org.user("sales1").id().toString(), org.user("sales2").id().toString())
                .query(Long.class).single()).isEqualTo(1L);
        String search = "/api/v1/search?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
        assertThat(api.get(search).as("sales2").send().text()).contains("/contracts/" + id);
        assertThat(api.get(search).as("sales1").send().text()).doesNotContain(id.toString());
        assertThat(jdbc.sql("select count(*) from notification where user_id = ? and type = 'contract.assigned' "
                + "and link = ?").params(org.user("sales2").id(), "/contracts/" + id).query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    @DisplayName("A5 F6: a transfer to a deactivated or unknown user is refused with a localised 422 on assigneeId; nothing moves")
    void refusedAssignee() {
        DemoOrganization org = DemoOrganization.load(api);
        UUID id = ContractFixtures.contract(jdbc, org.user("sales1"), "离职合同" + TestData.unique(),
                new BigDecimal("300.00"));
        TestData.TestUser leaver = TestData.createUser(api, org.user("sales1").departmentId(),
                List.of(TestData.roleId(api, "SALES_REP")));
        assertThat(api.post("/api/v1/users/" + leaver.id() + "/deactivate").as("admin").send().status())
                .isEqualTo(200);

        Api.Response en = transfer("manager", id, leaver.id(), "en");
        assertThat(en.status()).as("%s", en).isEqualTo(422);
        assertThat(en.contentType()).startsWith("application/problem+json");
        assertThat(en.json().get("detail").asString()).contains("is deactivated and cannot take over records");
        assertThat(en.json().get("errors").get(0).get("field").asString()).isEqualTo("assigneeId");
        Api.Response zh = transfer("manager", id, leaver.id(), "zh-CN");
        assertThat(zh.status()).isEqualTo(422);
        assertThat(zh.json().get("detail").asString()).contains("已停用");
        assertThat(transfer("manager", id, org.user("service1").id(), "en").status()).isEqualTo(422);
        assertThat(transfer("manager", id, UUID.randomUUID(), "en").status()).isEqualTo(422);
        assertThat(owner(id)).isEqualTo(org.user("sales1").id());
    }

    @Test
    @DisplayName("A2 A3 F6: a rep without contract:assign gets 403, a contract outside the caller's scope 404, no assignee 400")
    void permissionScopeAndInput() {
        DemoOrganization org = DemoOrganization.load(api);
        UUID own = ContractFixtures.contract(jdbc, org.user("sales1"), "本人合同" + TestData.unique(),
                new BigDecimal("100.00"));
        assertThat(transfer("sales1", own, org.user("sales2").id(), "en").status()).isEqualTo(403);

        UUID teamRole = TestData.createRole(api, "DEPARTMENT", true,
                Set.of("contract:view", "contract:edit", "contract:assign"));
        TestData.TestUser lead = TestData.createUser(api, org.user("sales1").departmentId(), List.of(teamRole));
        String token = api.createToken(lead.username(), lead.password());
        String foreignTitle = "他组合同" + TestData.unique();
        UUID foreign = ContractFixtures.contract(jdbc, org.user("sales2"), foreignTitle, new BigDecimal("100.00"));
        Api.Response outside = api.post("/api/v1/contracts/" + foreign + "/transfer").bearer(token)
                .json(Map.of("assigneeId", org.user("sales1").id().toString())).send();
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.text()).doesNotContain(foreignTitle);
        Api.Response inside = api.post("/api/v1/contracts/" + own + "/transfer").bearer(token)
                .json(Map.of("assigneeId", lead.id().toString())).send();
        assertThat(inside.status()).as("%s", inside).isEqualTo(200);

        Api.Response missing = api.post("/api/v1/contracts/" + own + "/transfer").as("manager").json(Map.of()).send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("assigneeId");
        assertThat(owner(foreign)).isEqualTo(org.user("sales2").id());
        assertThat(owner(own)).isEqualTo(lead.id());
    }

    @Test
    @DisplayName("A5 F6 page: the contract page's transfer form shows a refusal next to the user picker and, once accepted, returns to the page with a message")
    void transferFromThePage() {
        DemoOrganization org = DemoOrganization.load(api);
        UUID id = ContractFixtures.contract(jdbc, org.user("sales1"), "页面转移" + TestData.unique(),
                new BigDecimal("100.00"));
        WebSession rep = new WebSession(api);
        rep.login("sales1", Api.DEMO_PASSWORD);
        assertThat(rep.get("/contracts/" + id).text()).doesNotContain("contract-transfer-form");

        WebSession web = new WebSession(api);
        web.login("manager", Api.DEMO_PASSWORD);
        Api.Response page = web.get("/contracts/" + id);
        assertThat(page.text()).contains("contract-transfer-form").contains(org.user("sales2").id().toString());
        String csrf = web.csrfFrom("/contracts/" + id);

        Api.Response refused = web.post("/contracts/" + id + "/transfer", "assigneeId",
                org.user("service1").id().toString(), "_csrf", csrf);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("error-assigneeId")
                .contains("has no permission to view and edit this kind of record");
        assertThat(owner(id)).isEqualTo(org.user("sales1").id());

        Api.Response empty = web.post("/contracts/" + id + "/transfer", "assigneeId", "", "_csrf", csrf);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.text()).contains("Choose the user who takes the contract over.");

        assertThat(web.post("/contracts/" + id + "/transfer", "assigneeId", org.user("sales2").id().toString())
                .status()).isEqualTo(403);
        Api.Response done = web.post("/contracts/" + id + "/transfer", "assigneeId",
                org.user("sales2").id().toString(), "_csrf", csrf);
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location")).endsWith("/contracts/" + id);
        assertThat(web.get("/contracts/" + id).text()).contains("now belongs to");
        assertThat(owner(id)).isEqualTo(org.user("sales2").id());
    }

    private Api.Response transfer(String username, UUID id, UUID assignee, String language) {
        return api.post("/api/v1/contracts/" + id + "/transfer").as(username).language(language)
                .json(Map.of("assigneeId", assignee.toString())).send();
    }

    private UUID owner(UUID id) {
        return jdbc.sql("select owner_id from contract where id = ?").param(id).query(UUID.class).single();
    }
}
