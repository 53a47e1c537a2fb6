package org.openloop.crm.expense;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Expenses on opportunities (F8) over the API: recording, reading, changing with optimistic locking, deleting,
 * totals, validation as 400 field errors, the owner taken from the caller, and the opportunity's state (F2: a closed
 * or lost opportunity accepts no new expense; a closed one's expenses are read-only).
 */
@CrmIntegrationTest
class ExpenseApiTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    ExpenseFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ExpenseFixture(api, jdbc);
    }

    @Test
    @DisplayName("F8: a rep records, reads, changes and lists an expense on an opportunity; the manager deletes it")
    void crud() {
        String opportunityId = fixture.opportunity("sales1").get("id").asString();
        Map<String, Object> body = ExpenseFixture.body(opportunityId, "ENTERTAINMENT", "1280.456");
        Api.Response created = fixture.record("sales1", body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode expense = created.json();
        String id = expense.get("id").asString();
        assertThat(expense.get("amount").decimalValue()).isEqualByComparingTo("1280.46");
        assertThat(expense.get("currency").asString()).isEqualTo("CNY");
        assertThat(expense.get("ownerName").asString()).isEqualTo("李明");
        assertThat(expense.get("opportunityId").asString()).isEqualTo(opportunityId);
        assertThat(expense.get("editable").asBoolean()).isTrue();

        Api.Response read = api.get("/api/v1/expenses/" + id).as("sales1").send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");

        JsonNode listed = api.get("/api/v1/expenses?opportunityId=" + opportunityId).as("sales1").send().json();
        assertThat(listed.get("items")).hasSize(1);

        Map<String, Object> change = ExpenseFixture.body(opportunityId, "GIFTS", "99.90");
        change.put("version", 0);
        Api.Response updated = api.put("/api/v1/expenses/" + id).as("sales1").json(change).send();
        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        assertThat(updated.json().get("type").asString()).isEqualTo("GIFTS");
        Api.Response stale = api.put("/api/v1/expenses/" + id).as("sales1").json(change).send();
        assertThat(stale.status()).as("stale version").isEqualTo(409);

        fixture.expense("sales1", opportunityId);
        JsonNode totals = api.get("/api/v1/expenses/totals?opportunityId=" + opportunityId).as("sales1").send()
                .json();
        assertThat(totals).hasSize(1);
        assertThat(totals.get(0).get("amount").decimalValue()).isEqualByComparingTo("420.40");
        assertThat(totals.get(0).get("count").asLong()).isEqualTo(2);

        Api.Response history = api.get("/api/v1/expenses/" + id + "/audit").as("sales1").send();
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.text()).contains("GIFTS");

        assertThat(api.delete("/api/v1/expenses/" + id).as("sales1").send().status())
                .as("a rep holds no opportunity:delete").isEqualTo(403);
        assertThat(api.delete("/api/v1/expenses/" + id).as("manager").send().status()).isEqualTo(204);
        assertThat(api.get("/api/v1/expenses/" + id).as("sales1").send().status()).isEqualTo(404);
    }

    @Test
    @DisplayName("F8: an amount of zero or less, a future date and a missing type are 400 field errors; nothing is stored")
    void validation() {
        String opportunityId = fixture.opportunity("sales1").get("id").asString();
        Map<String, Object> zero = ExpenseFixture.body(opportunityId, "TRAVEL", "0");
        assertFieldError(fixture.record("sales1", zero), "amount");
        Map<String, Object> negative = ExpenseFixture.body(opportunityId, "TRAVEL", "-5.00");
        assertFieldError(fixture.record("sales1", negative), "amount");
        Map<String, Object> future = ExpenseFixture.body(opportunityId, "TRAVEL", "10.00");
        future.put("spentOn", LocalDate.now().plusDays(3).toString());
        assertFieldError(fixture.record("sales1", future), "spentOn");
        Map<String, Object> noType = ExpenseFixture.body(opportunityId, "TRAVEL", "10.00");
        noType.remove("type");
        assertFieldError(fixture.record("sales1", noType), "type");
        Map<String, Object> badType = ExpenseFixture.body(opportunityId, "TRAVEL", "10.00");
        badType.put("type", "YACHT");
        assertThat(fixture.record("sales1", badType).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/expenses?opportunityId=" + opportunityId).as("sales1").send().json()
                .get("items")).isEmpty();
    }

    @Test
    @DisplayName("F8: ownerId and departmentId in the body are ignored; the recorder owns the expense")
    void massAssignment() {
        String opportunityId = fixture.opportunity("sales1").get("id").asString();
        DemoOrganization organization = DemoOrganization.load(api);
        Map<String, Object> body = ExpenseFixture.body(opportunityId, "TRANSPORT", "45.00");
        body.put("ownerId", organization.user("sales2").id().toString());
        body.put("departmentId", organization.user("sales2").departmentId().toString());
        Api.Response created = fixture.record("sales1", body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().get("ownerId").asString()).isEqualTo(organization.user("sales1").id().toString());
        assertThat(created.json().get("departmentId").asString())
                .isEqualTo(organization.user("sales1").departmentId().toString());
    }

    @Test
    @DisplayName("F2/F8: a closed opportunity refuses a new expense (409) and its expenses become read-only")
    void closedOpportunity() {
        String opportunityId = fixture.opportunity("sales1").get("id").asString();
        JsonNode expense = fixture.expense("sales1", opportunityId);
        String id = expense.get("id").asString();
        fixture.close("sales1", opportunityId);

        Api.Response refused = fixture.record("sales1", ExpenseFixture.body(opportunityId, "TRAVEL", "10.00"));
        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        Map<String, Object> change = ExpenseFixture.body(opportunityId, "GIFTS", "10.00");
        change.put("version", expense.get("version").asLong());
        Api.Response edit = api.put("/api/v1/expenses/" + id).as("sales1").json(change).send();
        assertThat(edit.status()).as("%s", edit).isEqualTo(409);
        assertThat(api.delete("/api/v1/expenses/" + id).as("manager").send().status()).isEqualTo(409);

        JsonNode read = api.get("/api/v1/expenses/" + id).as("sales1").send().json();
        assertThat(read.get("editable").asBoolean()).isFalse();
        assertThat(read.get("amount").decimalValue()).isEqualByComparingTo("320.50");
    }

    @Test
    @DisplayName("F2/F8: a lost opportunity refuses a new expense (409)")
    void lostOpportunity() {
        String opportunityId = fixture.opportunity("sales1").get("id").asString();
        fixture.lose("sales1", opportunityId);
        Api.Response refused = fixture.record("sales1", ExpenseFixture.body(opportunityId, "TRAVEL", "10.00"));
        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
    }

    @Test
    @DisplayName("F8: a won opportunity still accepts expenses")
    void wonOpportunity() {
        String opportunityId = fixture.opportunity("sales1").get("id").asString();
        fixture.win("sales1", opportunityId);
        assertThat(fixture.record("sales1", ExpenseFixture.body(opportunityId, "TRAVEL", "10.00")).status())
                .isEqualTo(201);
    }

    @Test
    @DisplayName("F8: the demo company has two expenses on A科技公司 ERP 升级项目, one with its receipt")
    void demoData() {
        JsonNode items = api.get("/api/v1/expenses?size=100").as("sales1").send().json().get("items");
        JsonNode travel = null;
        int onErp = 0;
        for (JsonNode item : items) {
            if ("A科技公司 ERP 升级项目".equals(item.get("opportunityName").asString())) {
                onErp++;
                if ("TRAVEL".equals(item.get("type").asString())) {
                    travel = item;
                }
            }
        }
        assertThat(onErp).isGreaterThanOrEqualTo(2);
        assertThat(travel).isNotNull();
        JsonNode receipts = api.get("/api/v1/attachments?recordType=expense&recordId=" + travel.get("id").asString())
                .as("sales1").send().json().get("items");
        assertThat(receipts).isNotEmpty();
        String opportunityId = travel.get("opportunityId").asString();
        assertThat(api.get("/api/v1/interactions?opportunityId=" + opportunityId).as("sales1").send().json()
                .get("items")).isNotEmpty();
        assertThat(api.get("/api/v1/tasks?opportunityId=" + opportunityId).as("sales1").send().json().get("items"))
                .isNotEmpty();
    }

    private static void assertFieldError(Api.Response response, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).as("%s", response).contains(field);
    }
}
