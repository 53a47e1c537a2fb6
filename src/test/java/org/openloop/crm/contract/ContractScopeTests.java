package org.openloop.crm.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.customer.CustomerModule;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.ScopeMatrix;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Data scope (A3) and sensitive fields (A4) of contracts on every channel: API, pages, export and the customer's
 * transactions tab (B10); owner and department never come from the request (mass assignment); stale versions and
 * invalid input are refused.
 */
@CrmIntegrationTest
class ContractScopeTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @TestFactory
    @DisplayName("A3 contracts: detail, list, edit, delete and export obey each role's data scope")
    Stream<DynamicNode> contractScopeMatrix() {
        return new ScopeMatrix(api, new ContractModule(api, jdbc)).tests();
    }

    @Test
    @DisplayName("A3 F6: a rep cannot read another team's contract amount — page, API, export and transactions tab answer 404 or leave it out")
    void anotherTeamsContractIsInvisible() {
        DemoOrganization org = DemoOrganization.load(api);
        String title = "他队合同" + TestData.unique();
        UUID customer = CustomerModule.insert(jdbc, org.user("sales1"), "共享客户" + TestData.unique());
        UUID foreign = ContractFixtures.contract(jdbc, org.user("sales2"), customer, title, new BigDecimal("98765.43"),
                null);
        UUID own = ContractFixtures.contract(jdbc, org.user("sales1"), customer, "本人合同" + TestData.unique(),
                new BigDecimal("1234.50"), null);

        Api.Response detail = api.get("/api/v1/contracts/" + foreign).as("sales1").send();
        assertThat(detail.status()).isEqualTo(404);
        assertThat(detail.text()).doesNotContain(title).doesNotContain("98765");
        assertThat(api.post("/api/v1/contracts/" + foreign + "/delivery").as("sales1")
                .json(Map.of("deliveryStatus", "SHIPPED")).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/contracts/" + foreign + "/history").as("sales1").send().status()).isEqualTo(404);

        WebSession web = new WebSession(api);
        web.login("sales1", Api.DEMO_PASSWORD);
        Api.Response page = web.get("/contracts/" + foreign);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text()).doesNotContain(title).doesNotContain("98,765");
        assertThat(web.get("/contracts/" + own).status()).isEqualTo(200);

        // reps hold no export right; an own-scope role that may export gets its own rows only
        assertThat(api.get("/api/v1/contracts/export?format=csv&customerId=" + customer).as("sales1").send().status())
                .isEqualTo(403);
        UUID ownRole = TestData.createRole(api, "OWN", true, Set.of("contract:view", "contract:export"));
        TestData.TestUser exporter = TestData.createUser(api, org.user("sales1").departmentId(),
                java.util.List.of(ownRole, TestData.roleId(api, "SALES_REP")));
        String exporterToken = api.createToken(exporter.username(), exporter.password());
        UUID exportersOwn = ContractFixtures.contract(jdbc, org.user("sales1"), customer, "导出合同" + TestData.unique(),
                new BigDecimal("4321.00"), null);
        jdbc.sql("update contract set owner_id = ? where id = ?").params(exporter.id(), exportersOwn).update();
        Api.Response export = api.get("/api/v1/contracts/export?format=csv&customerId=" + customer)
                .bearer(exporterToken).send();
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.text()).contains("4321.00").doesNotContain(title).doesNotContain("98765")
                .doesNotContain("1234.50");
        jdbc.sql("delete from contract where id = ?").param(exportersOwn).update();

        Api.Response tab = web.get("/contracts/transactions?customerId=" + customer);
        assertThat(tab.status()).isEqualTo(200);
        assertThat(tab.text()).doesNotContain(title).doesNotContain("98,765").contains("1,234.50");
        JsonNode history = api.get("/api/v1/customers/" + customer + "/transactions").as("sales1").send().json();
        assertThat(history.get("contracts")).hasSize(1);
        assertThat(history.get("totals").get(0).get("contracted").decimalValue()).isEqualByComparingTo("1234.50");
        JsonNode managers = api.get("/api/v1/customers/" + customer + "/transactions").as("manager").send().json();
        assertThat(managers.get("contracts")).hasSize(2);
    }

    @Test
    @DisplayName("A4 F6: without sensitive:view the amount and the term are masked on page, API, export and transactions tab")
    void maskedWithoutSensitiveRight() {
        DemoOrganization org = DemoOrganization.load(api);
        UUID role = TestData.createRole(api, "COMPANY", false,
                Set.of("contract:view", "contract:export", "contract:edit", "customer:view"));
        TestData.TestUser reader = TestData.createUser(api, org.user("sales1").departmentId(), java.util.List.of(role));
        String title = "保密合同" + TestData.unique();
        UUID customer = CustomerModule.insert(jdbc, org.user("sales1"), "保密客户" + TestData.unique());
        UUID id = ContractFixtures.contract(jdbc, org.user("sales1"), customer, title, new BigDecimal("55555.55"), null);
        String token = api.createToken(reader.username(), reader.password());

        JsonNode view = api.get("/api/v1/contracts/" + id).bearer(token).send().json();
        assertThat(view.get("title").asString()).isEqualTo(title);
        assertThat(view.get("masked").asBoolean()).isTrue();
        assertThat(view.get("amount").isNull()).isTrue();
        assertThat(view.get("termStart").isNull()).isTrue();
        assertThat(view.get("termEnd").isNull()).isTrue();
        assertThat(view.toString()).doesNotContain("55555");
        assertThat(api.get("/api/v1/contracts/" + id).as("sales1").send().json().get("amount").decimalValue())
                .isEqualByComparingTo("55555.55");

        Api.Response export = api.get("/api/v1/contracts/export?format=csv&q=" + title).bearer(token).send();
        assertThat(export.text()).contains(title).contains("****").doesNotContain("55555").doesNotContain("2026-02-01");

        WebSession web = new WebSession(api);
        web.login(reader.username(), reader.password());
        Api.Response page = web.get("/contracts/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains(title).contains("****").doesNotContain("55,555").doesNotContain("2026-02-01");
        Api.Response list = web.get("/contracts?q=" + title);
        assertThat(list.text()).contains(title).doesNotContain("55,555");
        Api.Response tab = web.get("/contracts/transactions?customerId=" + customer);
        assertThat(tab.text()).contains(title).contains("****").doesNotContain("55,555");

        // sending the masked form back keeps the stored term
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("title", title);
        body.put("kind", "CONTRACT");
        body.put("deliveryStatus", "PARTIALLY_SHIPPED");
        Api.Response saved = api.put("/api/v1/contracts/" + id).bearer(token).json(body).send();
        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
        assertThat(api.get("/api/v1/contracts/" + id).as("admin").send().json().get("termStart").asString())
                .isEqualTo("2026-02-01");
    }

    @Test
    @DisplayName("F6: owner and department in the body are ignored; a stale version answers 409; invalid input 400 with field errors")
    void massAssignmentVersionsAndValidation() {
        DemoOrganization org = DemoOrganization.load(api);
        UUID id = ContractFixtures.contract(jdbc, org.user("sales1"), "字段合同" + TestData.unique(),
                new BigDecimal("100.00"));
        JsonNode before = api.get("/api/v1/contracts/" + id).as("sales1").send().json();
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("title", "改名" + TestData.unique());
        body.put("kind", "ORDER");
        body.put("deliveryStatus", "NOT_SHIPPED");
        body.put("ownerId", org.user("sales2").id().toString());
        body.put("departmentId", org.user("sales2").departmentId().toString());
        body.put("amount", "1.00");
        body.put("version", before.get("version").asLong());
        Api.Response saved = api.put("/api/v1/contracts/" + id).as("sales1").json(body).send();
        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
        assertThat(saved.json().get("ownerId").asString()).isEqualTo(org.user("sales1").id().toString());
        assertThat(saved.json().get("amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(jdbc.sql("select owner_id from contract where id = ?").param(id).query(UUID.class).single())
                .isEqualTo(org.user("sales1").id());

        Api.Response stale = api.put("/api/v1/contracts/" + id).as("sales1").json(body).send();
        assertThat(stale.status()).as("%s", stale).isEqualTo(409);
        Api.Response ifMatch = api.put("/api/v1/contracts/" + id).as("sales1").header("If-Match", "\"0\"")
                .json(body).send();
        assertThat(ifMatch.status()).isEqualTo(412);

        Map<String, Object> invalid = new java.util.HashMap<>();
        invalid.put("title", " ");
        Api.Response refused = api.put("/api/v1/contracts/" + id).as("sales1").json(invalid).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("title").contains("kind").contains("deliveryStatus");
        Api.Response noQuote = api.post("/api/v1/contracts").as("sales1").json(Map.of("title", "")).send();
        assertThat(noQuote.status()).isEqualTo(400);
        assertThat(noQuote.text()).contains("quoteId").contains("title");
        Api.Response badMonth = api.get("/api/v1/contracts?signingMonth=2026-13").as("sales1").send();
        assertThat(badMonth.status()).isEqualTo(400);
        Map<String, Object> reversed = new java.util.HashMap<>(body);
        reversed.put("version", null);
        reversed.put("termStart", "2026-05-01");
        reversed.put("termEnd", "2026-04-01");
        Api.Response order = api.put("/api/v1/contracts/" + id).as("sales1").json(reversed).send();
        assertThat(order.status()).isEqualTo(422);
        assertThat(order.text()).contains("termEnd");
    }

    @Test
    @DisplayName("F6: the contract list filters by customer, status, delivery and signing month")
    void listFilters() {
        DemoOrganization org = DemoOrganization.load(api);
        String marker = "筛选" + TestData.unique();
        UUID customer = CustomerModule.insert(jdbc, org.user("sales1"), "筛选客户" + TestData.unique());
        UUID a = ContractFixtures.contract(jdbc, org.user("sales1"), customer, marker + "A", new BigDecimal("10.00"), null);
        ContractFixtures.contract(jdbc, org.user("sales1"), marker + "B", new BigDecimal("20.00"));
        jdbc.sql("update contract set delivery_status = 'SHIPPED' where id = ?").param(a).update();
        assertThat(api.get("/api/v1/contracts?q=" + marker + "&customerId=" + customer).as("sales1").send().json()
                .get("items")).hasSize(1);
        assertThat(api.get("/api/v1/contracts?q=" + marker + "&delivery=SHIPPED").as("sales1").send().json()
                .get("items")).hasSize(1);
        assertThat(api.get("/api/v1/contracts?q=" + marker + "&status=ACTIVE&signingMonth=2026-01").as("sales1").send()
                .json().get("items")).hasSize(2);
        assertThat(api.get("/api/v1/contracts?q=" + marker + "&signingMonth=2026-02").as("sales1").send().json()
                .get("items")).isEmpty();
        WebSession web = new WebSession(api);
        web.login("sales1", Api.DEMO_PASSWORD);
        Api.Response page = web.get("/contracts?q=" + marker + "&delivery=SHIPPED");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains(marker + "A").doesNotContain(marker + "B");
        assertThat(web.get("/payments").status()).isEqualTo(200);
        assertThat(web.get("/payments?view=overdue").status()).isEqualTo(200);
        assertThat(web.get("/payments?view=received").status()).isEqualTo(200);
    }
}
