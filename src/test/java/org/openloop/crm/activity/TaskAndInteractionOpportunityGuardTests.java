package org.openloop.crm.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.expense.ExpenseFixture;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * F2: "a closed opportunity accepts no new activity". Tasks and interactions linked to an opportunity are refused
 * with the sales module's 409 when it is closed, on the API and the pages, and accepted while it is open; an
 * opportunity the caller cannot see is a 404. The opportunity page's interaction, task and expense tabs load.
 */
@CrmIntegrationTest
class TaskAndInteractionOpportunityGuardTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    ExpenseFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ExpenseFixture(api, jdbc);
    }

    private static Map<String, Object> task(String opportunityId) {
        Map<String, Object> body = TaskTests.task("跟进商机", Instant.now().plus(2, ChronoUnit.DAYS));
        body.put("opportunityId", opportunityId);
        return body;
    }

    private static Map<String, Object> interaction(JsonNode opportunity) {
        Map<String, Object> body = InteractionApiTests.body(opportunity.get("customerId").asString(), "商机沟通");
        body.put("opportunityId", opportunity.get("id").asString());
        return body;
    }

    @Test
    @DisplayName("F2: an open opportunity takes a new task and interaction over the API; a closed one refuses both with 409")
    void api() {
        JsonNode open = fixture.opportunity("sales1");
        String openId = open.get("id").asString();
        Api.Response task = api.post("/api/v1/tasks").as("sales1").json(task(openId)).send();
        assertThat(task.status()).as("%s", task).isEqualTo(201);
        assertThat(task.json().get("opportunityId").asString()).isEqualTo(openId);
        assertThat(task.json().get("customerId").asString()).as("the opportunity's customer")
                .isEqualTo(open.get("customerId").asString());
        Api.Response interaction = api.post("/api/v1/interactions").as("sales1").json(interaction(open)).send();
        assertThat(interaction.status()).as("%s", interaction).isEqualTo(201);
        assertThat(interaction.json().get("opportunityId").asString()).isEqualTo(openId);
        assertThat(api.get("/api/v1/interactions?opportunityId=" + openId).as("sales1").send().json().get("items"))
                .hasSize(1);
        assertThat(api.get("/api/v1/tasks?opportunityId=" + openId).as("sales1").send().json().get("items"))
                .hasSize(1);

        JsonNode closed = fixture.opportunity("sales1");
        String closedId = closed.get("id").asString();
        fixture.close("sales1", closedId);
        Api.Response refusedTask = api.post("/api/v1/tasks").as("sales1").json(task(closedId)).send();
        assertThat(refusedTask.status()).as("%s", refusedTask).isEqualTo(409);
        assertThat(refusedTask.contentType()).startsWith("application/problem+json");
        Api.Response refusedInteraction = api.post("/api/v1/interactions").as("sales1").json(interaction(closed))
                .send();
        assertThat(refusedInteraction.status()).as("%s", refusedInteraction).isEqualTo(409);
        assertThat(api.get("/api/v1/tasks?opportunityId=" + closedId).as("sales1").send().json().get("items"))
                .isEmpty();

        // moving an existing task to the closed opportunity is refused too; editing it otherwise is not
        JsonNode existing = task.json();
        Map<String, Object> move = task(closedId);
        move.put("version", existing.get("version").asLong());
        move.put("customerId", closed.get("customerId").asString());
        Api.Response moved = api.put("/api/v1/tasks/" + existing.get("id").asString()).as("sales1").json(move)
                .send();
        assertThat(moved.status()).as("%s", moved).isEqualTo(409);
    }

    @Test
    @DisplayName("F2: a lost opportunity still accepts activity; an opportunity out of sight is a 404, another customer's a 422")
    void lostHiddenAndForeign() {
        JsonNode lost = fixture.opportunity("sales1");
        fixture.lose("sales1", lost.get("id").asString());
        assertThat(api.post("/api/v1/tasks").as("sales1").json(task(lost.get("id").asString())).send().status())
                .isEqualTo(201);

        JsonNode foreign = fixture.opportunity("sales2");
        assertThat(api.post("/api/v1/tasks").as("sales1").json(task(foreign.get("id").asString())).send().status())
                .isEqualTo(404);
        Map<String, Object> body = interaction(foreign);
        body.put("customerId", fixture.customer("sales1").toString());
        assertThat(api.post("/api/v1/interactions").as("sales1").json(body).send().status()).isEqualTo(404);

        JsonNode mine = fixture.opportunity("sales1");
        Map<String, Object> otherCustomer = interaction(mine);
        otherCustomer.put("customerId", fixture.customer("sales1").toString());
        Api.Response refused = api.post("/api/v1/interactions").as("sales1").json(otherCustomer).send();
        assertThat(refused.status()).as("%s", refused).isEqualTo(422);
    }

    @Test
    @DisplayName("F2: the task and interaction forms refuse a closed opportunity and save for an open one")
    void pages() {
        JsonNode closed = fixture.opportunity("sales1");
        String closedId = closed.get("id").asString();
        String customerId = closed.get("customerId").asString();
        WebSession session = new WebSession(api);
        session.login("sales1", Api.DEMO_PASSWORD);
        String csrf = session.csrfFrom("/tasks/new?customerId=" + customerId + "&opportunityId=" + closedId);
        Api.Response form = session.get("/interactions/new?customerId=" + customerId + "&opportunityId=" + closedId);
        assertThat(form.text()).contains("field-opportunityId");
        fixture.close("sales1", closedId);

        Api.Response task = session.post("/tasks/new", "_csrf", csrf, "subject", "页面任务", "dueAt",
                "2030-01-05T10:00", "customerId", customerId, "opportunityId", closedId, "kind", "CUSTOMER",
                "priority", "MEDIUM", "status", "NOT_STARTED");
        assertThat(task.status()).as("%s", task).isEqualTo(200);
        assertThat(task.text()).contains("form-errors");
        Api.Response interaction = session.post("/interactions/new", "_csrf", csrf, "customerId", customerId,
                "channel", "VISIT", "occurredAt", "2026-01-05T10:00", "subject", "页面沟通", "opportunityId", closedId);
        assertThat(interaction.status()).as("%s", interaction).isEqualTo(200);
        assertThat(interaction.text()).contains("form-errors");

        JsonNode open = fixture.opportunity("sales1");
        String openId = open.get("id").asString();
        String openCustomer = open.get("customerId").asString();
        Api.Response savedTask = session.post("/tasks/new", "_csrf", csrf, "subject", "页面任务", "dueAt",
                "2030-01-05T10:00", "customerId", openCustomer, "opportunityId", openId, "kind", "CUSTOMER",
                "priority", "MEDIUM", "status", "NOT_STARTED");
        assertThat(savedTask.status()).as("%s", savedTask).isEqualTo(302);
        Api.Response savedInteraction = session.post("/interactions/new", "_csrf", csrf, "customerId", openCustomer,
                "channel", "VISIT", "occurredAt", "2026-01-05T10:00", "subject", "页面沟通", "opportunityId", openId);
        assertThat(savedInteraction.status()).as("%s", savedInteraction).isEqualTo(302);
        String location = savedInteraction.header("Location");
        assertThat(session.get(location.substring(location.indexOf("/interactions/"))).text())
                .contains("interaction-opportunity")
                .contains(open.get("name").asString());

        Api.Response tasksPanel = session.get("/tasks/panel?opportunityId=" + openId);
        assertThat(tasksPanel.status()).isEqualTo(200);
        assertThat(tasksPanel.text()).contains("页面任务");
        Api.Response interactionsPanel = session.get("/interactions/panel?opportunityId=" + openId);
        assertThat(interactionsPanel.status()).isEqualTo(200);
        assertThat(interactionsPanel.text()).contains("页面沟通");
    }

    @Test
    @DisplayName("F2/F8: the opportunity page has interaction, task and expense tabs whose panels load; out of scope they are 404")
    void opportunityTabs() {
        String opportunityId = fixture.opportunity("sales1").get("id").asString();
        WebSession session = new WebSession(api);
        session.login("sales1", Api.DEMO_PASSWORD);
        Api.Response page = session.get("/opportunities/" + opportunityId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("tab-interactions").contains("tab-tasks").contains("tab-expenses")
                .contains("/interactions/panel?opportunityId=" + opportunityId)
                .contains("/tasks/panel?opportunityId=" + opportunityId)
                .contains("/expenses/panel?opportunityId=" + opportunityId);
        for (String panel : new String[] { "/interactions/panel", "/tasks/panel", "/expenses/panel" }) {
            assertThat(session.get(panel + "?opportunityId=" + opportunityId).status()).as(panel).isEqualTo(200);
        }
        WebSession other = new WebSession(api);
        other.login("sales2", Api.DEMO_PASSWORD);
        for (String panel : new String[] { "/interactions/panel", "/tasks/panel", "/expenses/panel" }) {
            assertThat(other.get(panel + "?opportunityId=" + opportunityId).status()).as(panel).isEqualTo(404);
        }
    }
}
