package org.openloop.crm.expense;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The expense pages (F8): form with field errors, detail, list filters, the opportunity's panel and its button. */
@CrmIntegrationTest
class ExpensePageTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    ExpenseFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ExpenseFixture(api, jdbc);
    }

    private WebSession login(String username) {
        WebSession session = new WebSession(api);
        session.login(username, Api.DEMO_PASSWORD);
        return session;
    }

    @Test
    @DisplayName("F8: the form records an expense, shows field errors, and the list, detail and panel show it with its total")
    void formListDetailPanel() {
        String opportunityId = fixture.opportunity("sales1").get("id").asString();
        WebSession session = login("sales1");
        String csrf = session.csrfFrom("/expenses/new?opportunityId=" + opportunityId);
        Api.Response invalid = session.post("/expenses/new", "_csrf", csrf, "opportunityId", opportunityId, "type",
                "", "amount", "-1", "currency", "CNY", "spentOn", LocalDate.now().plusDays(2).toString());
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.text()).contains("error-type").contains("error-amount");
        Api.Response future = session.post("/expenses/new", "_csrf", csrf, "opportunityId", opportunityId, "type",
                "TRAVEL", "amount", "12.00", "currency", "CNY", "spentOn", LocalDate.now().plusDays(2).toString());
        assertThat(future.status()).isEqualTo(200);
        assertThat(future.text()).contains("error-spentOn");

        Api.Response saved = session.post("/expenses/new", "_csrf", csrf, "opportunityId", opportunityId, "type",
                "ENTERTAINMENT", "amount", "688.00", "currency", "CNY", "spentOn",
                LocalDate.now().minusDays(1).toString(), "description", "页面记录的招待费");
        assertThat(saved.status()).as("%s", saved).isEqualTo(302);
        String location = saved.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        Api.Response detail = session.get("/expenses/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.text()).contains("页面记录的招待费").contains("688.00").contains("expense-edit");
        assertThat(session.get("/expenses/" + id + "/history").status()).isEqualTo(200);
        assertThat(session.get("/attachments/panel?recordType=expense&recordId=" + id).status()).isEqualTo(200);

        Api.Response list = session.get("/expenses?opportunityId=" + opportunityId + "&type=ENTERTAINMENT&spentFrom="
                + LocalDate.now().minusDays(7) + "&spentTo=" + LocalDate.now());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("expense-list-row").contains(location.substring(location.indexOf("/expenses")));
        assertThat(session.get("/expenses?opportunityId=" + opportunityId + "&type=GIFTS").text())
                .doesNotContain("expense-list-row");
        assertThat(session.get("/expenses?spentTo=yesterday").status()).isEqualTo(400);

        Api.Response panel = session.get("/expenses/panel?opportunityId=" + opportunityId);
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.text()).contains("panel-record-expense").contains("688.00 CNY");

        String edit = session.csrfFrom("/expenses/" + id + "/edit");
        Api.Response changed = session.post("/expenses/" + id + "/edit", "_csrf", edit, "opportunityId", opportunityId,
                "type", "GIFTS", "amount",
                "700", "currency", "CNY", "spentOn", LocalDate.now().minusDays(1).toString(), "version", "0");
        assertThat(changed.status()).as("%s", changed).isEqualTo(302);
        JsonNode stored = api.get("/api/v1/expenses/" + id).as("sales1").send().json();
        assertThat(stored.get("type").asString()).isEqualTo("GIFTS");
        assertThat(stored.get("opportunityId").asString()).isEqualTo(opportunityId);

        WebSession manager = login("manager");
        String managerCsrf = manager.csrfFrom("/expenses/" + id);
        Api.Response deleted = manager.post("/expenses/" + id + "/delete", "_csrf", managerCsrf);
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(302);
        assertThat(api.get("/api/v1/expenses/" + id).as("sales1").send().status()).isEqualTo(404);
    }

    @Test
    @DisplayName("F2/F8: on a closed opportunity the page refuses a new expense and edits, and the panel hides \"record expense\"")
    void closedOpportunityPages() {
        String opportunityId = fixture.opportunity("sales1").get("id").asString();
        String id = fixture.expense("sales1", opportunityId).get("id").asString();
        WebSession session = login("sales1");
        String csrf = session.csrfFrom("/expenses/new?opportunityId=" + opportunityId);
        fixture.close("sales1", opportunityId);

        Api.Response refused = session.post("/expenses/new", "_csrf", csrf, "opportunityId", opportunityId, "type",
                "TRAVEL", "amount", "12.00", "currency", "CNY", "spentOn", LocalDate.now().toString());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("form-errors");
        assertThat(api.get("/api/v1/expenses?opportunityId=" + opportunityId).as("sales1").send().json()
                .get("items")).hasSize(1);

        Api.Response edit = session.post("/expenses/" + id + "/edit", "_csrf", csrf, "opportunityId", opportunityId,
                "type", "GIFTS", "amount",
                "1.00", "currency", "CNY", "spentOn", LocalDate.now().toString(), "version", "0");
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.text()).contains("error-opportunityId");

        Api.Response detail = session.get("/expenses/" + id);
        assertThat(detail.text()).contains("expense-read-only").doesNotContain("expense-edit");
        Api.Response panel = session.get("/expenses/panel?opportunityId=" + opportunityId);
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.text()).doesNotContain("panel-record-expense").contains("320.50 CNY");
    }
}
