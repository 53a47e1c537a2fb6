package org.openloop.crm.expense;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Who sees an expense (F8, A3): the owner's data scope and the opportunity's visibility, on every verb of the API
 * and pages, in exports, and for the receipt (an attachment readable exactly when the expense is).
 */
@CrmIntegrationTest
class ExpenseScopeTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    ExpenseFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ExpenseFixture(api, jdbc);
    }

    /** A user of sales2's team with every opportunity right but OWN scope: sees nothing of sales1's. */
    private TestData.TestUser outsider() {
        UUID role = TestData.createRole(api, "OWN", false, Set.of("opportunity:view", "opportunity:create",
                "opportunity:edit", "opportunity:delete", "opportunity:export"));
        return TestData.createUser(api, DemoOrganization.load(api).user("sales2").departmentId(), List.of(role));
    }

    @Test
    @DisplayName("F8/A3: another team's rep and an own-scope user get 404 on every verb for sales1's expense and opportunity")
    void everyVerbOutsideScope() {
        String opportunityId = fixture.opportunity("sales1").get("id").asString();
        JsonNode expense = fixture.expense("sales1", opportunityId);
        String id = expense.get("id").asString();
        TestData.TestUser outsider = outsider();
        String token = api.createToken(outsider.username(), outsider.password());
        Map<String, Object> change = ExpenseFixture.body(opportunityId, "GIFTS", "1.00");
        change.put("version", 0);

        for (String user : List.of("sales2")) {
            assertThat(api.get("/api/v1/expenses/" + id).as(user).send().status()).isEqualTo(404);
            assertThat(api.put("/api/v1/expenses/" + id).as(user).json(change).send().status()).isEqualTo(404);
            assertThat(api.get("/api/v1/expenses/" + id + "/audit").as(user).send().status()).isEqualTo(404);
            assertThat(api.get("/api/v1/expenses/totals?opportunityId=" + opportunityId).as(user).send().status())
                    .isEqualTo(404);
            assertThat(api.get("/api/v1/expenses?opportunityId=" + opportunityId).as(user).send().json()
                    .get("items")).isEmpty();
            Api.Response create = fixture.record(user, ExpenseFixture.body(opportunityId, "TRAVEL", "5.00"));
            assertThat(create.status()).as("%s", create).isEqualTo(422);
        }
        assertThat(api.get("/api/v1/expenses/" + id).bearer(token).send().status()).isEqualTo(404);
        assertThat(api.put("/api/v1/expenses/" + id).bearer(token).json(change).send().status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/expenses/" + id).bearer(token).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/expenses/" + id + "/audit").bearer(token).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/expenses?opportunityId=" + opportunityId).bearer(token).send().json()
                .get("items")).isEmpty();
        Api.Response export = api.get("/api/v1/expenses/export?format=csv").bearer(token).send();
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.text()).doesNotContain(expense.get("opportunityName").asString());

        assertThat(api.get("/api/v1/expenses/" + id).as("manager").send().status()).as("department tree").isEqualTo(200);
        Api.Response managerExport = api.get("/api/v1/expenses/export?format=csv&opportunityId=" + opportunityId)
                .as("manager").send();
        assertThat(managerExport.status()).isEqualTo(200);
        assertThat(managerExport.text()).contains(expense.get("opportunityName").asString()).contains("320.50");
        assertThat(api.get("/api/v1/expenses/export?format=xlsx").as("manager").send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/expenses/export?format=csv").as("sales1").send().status())
                .as("a rep holds no opportunity:export").isEqualTo(403);

        WebSession session = new WebSession(api);
        session.login("sales2", Api.DEMO_PASSWORD);
        assertThat(session.get("/expenses/" + id).status()).isEqualTo(404);
        assertThat(session.get("/expenses/" + id + "/edit").status()).isEqualTo(404);
        assertThat(session.get("/expenses/" + id + "/history").status()).isEqualTo(404);
        assertThat(session.get("/expenses/panel?opportunityId=" + opportunityId).status()).isEqualTo(404);
        assertThat(session.get("/expenses/new?opportunityId=" + opportunityId).status()).isEqualTo(404);
        assertThat(session.get("/expenses").text()).doesNotContain(expense.get("opportunityName").asString());
    }

    @Test
    @DisplayName("F8/A2: without opportunity rights every expense verb is 403, on the API and the pages")
    void permissions() {
        String opportunityId = fixture.opportunity("sales1").get("id").asString();
        String id = fixture.expense("sales1", opportunityId).get("id").asString();
        Map<String, Object> body = ExpenseFixture.body(opportunityId, "TRAVEL", "5.00");
        assertThat(api.get("/api/v1/expenses").as("service1").send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/expenses/" + id).as("service1").send().status()).isEqualTo(403);
        assertThat(fixture.record("service1", body).status()).isEqualTo(403);
        body.put("version", 0);
        assertThat(api.put("/api/v1/expenses/" + id).as("service1").json(body).send().status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/expenses/" + id).as("service1").send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/expenses/totals?opportunityId=" + opportunityId).as("service1").send().status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/expenses/export?format=csv").as("service1").send().status()).isEqualTo(403);
        WebSession session = new WebSession(api);
        session.login("service1", Api.DEMO_PASSWORD);
        assertThat(session.get("/expenses").status()).isEqualTo(403);
        assertThat(session.get("/expenses/" + id).status()).isEqualTo(403);
        assertThat(session.get("/expenses/new?opportunityId=" + opportunityId).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("F8/A3: an expense disappears for its recorder when its opportunity moves out of their sight")
    void opportunityVisibilityGoverns() {
        String opportunityId = fixture.opportunity("sales1").get("id").asString();
        String id = fixture.expense("sales1", opportunityId).get("id").asString();
        UUID sales2 = DemoOrganization.load(api).user("sales2").id();
        Api.Response assigned = api.post("/api/v1/opportunities/" + opportunityId + "/assign").as("admin")
                .json(Map.of("assigneeId", sales2)).send();
        assertThat(assigned.status()).as("%s", assigned).isEqualTo(200);

        assertThat(api.get("/api/v1/expenses/" + id).as("sales1").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/expenses?opportunityId=" + opportunityId).as("sales1").send().json()
                .get("items")).isEmpty();
        assertThat(api.get("/api/v1/attachments?recordType=expense&recordId=" + id).as("sales1").send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/expenses/" + id).as("admin").send().status()).isEqualTo(200);
    }

    @Test
    @DisplayName("F8/B8: the receipt is uploaded and downloaded exactly when the expense is readable and editable")
    void receipt() {
        String opportunityId = fixture.opportunity("sales1").get("id").asString();
        String id = fixture.expense("sales1", opportunityId).get("id").asString();
        byte[] content = "发票 320.50 元".getBytes(StandardCharsets.UTF_8);
        Api.Response uploaded = fixture.upload("sales1", "expense", id, "receipt.txt", content);
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        String attachment = uploaded.json().get("id").asString();

        Api.Response download = api.get("/api/v1/attachments/" + attachment + "/content").as("sales1").send();
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(api.get("/api/v1/attachments/" + attachment + "/content").as("manager").send().status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/attachments/" + attachment + "/content").as("sales2").send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/attachments?recordType=expense&recordId=" + id).as("sales2").send().status())
                .isEqualTo(404);
        assertThat(fixture.upload("sales2", "expense", id, "fake.txt", content).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/attachments/" + attachment).as("sales2").send().status()).isEqualTo(404);

        fixture.close("sales1", opportunityId);
        assertThat(fixture.upload("sales1", "expense", id, "late.txt", content).status())
                .as("a closed opportunity's expenses are read-only").isEqualTo(403);
        assertThat(api.get("/api/v1/attachments/" + attachment + "/content").as("sales1").send().status())
                .isEqualTo(200);
    }
}
