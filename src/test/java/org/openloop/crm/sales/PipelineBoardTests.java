package org.openloop.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The pipeline board's drop controller (F3): the same rules as the form and the API. */
@CrmIntegrationTest
class PipelineBoardTests {

    static final String STAGE_2 = "7a000000-0000-4000-8000-000000000012";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    WebSession web(String username) {
        WebSession web = new WebSession(api);
        web.login(username, Api.DEMO_PASSWORD);
        return web;
    }

    @Test
    @DisplayName("F3 a drop on the next stage moves the opportunity, takes the stage's probability and records history")
    void allowedMove() {
        SalesFixture fixture = new SalesFixture(api, jdbc);
        String id = fixture.opportunity("sales1").get("id").asString();
        WebSession web = web("sales1");
        String csrf = web.csrfFrom("/opportunities/new");
        Api.Response moved = web.post("/opportunities/board/move", "id", id, "target", STAGE_2, "version", "0",
                "_csrf", csrf);
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        JsonNode stored = fixture.get("sales1", id);
        assertThat(stored.get("stageName").asString()).isEqualTo("需求确认");
        assertThat(stored.get("probability").asInt()).isEqualTo(30);
        JsonNode history = api.get("/api/v1/opportunities/" + id + "/stage-history").as("sales1").send().json();
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("fromStageName").asString()).isEqualTo("初步接洽");
        assertThat(history.get(1).get("toStageName").asString()).isEqualTo("需求确认");
        assertThat(history.get(1).get("changedByName").asString()).isEqualTo("李明");
        assertThat(web.get("/opportunities/board").text()).contains("data-testid=\"board-column-需求确认\"");
    }

    @Test
    @DisplayName("F3 a stale version answers 409 with a message and nothing moves")
    void staleVersion() {
        SalesFixture fixture = new SalesFixture(api, jdbc);
        String id = fixture.opportunity("sales1").get("id").asString();
        api.put("/api/v1/opportunities/" + id).as("sales1").json(Map.of("customerId",
                fixture.get("sales1", id).get("customerId").asString(), "name", "已改名", "amount", "5")).send();
        WebSession web = web("sales1");
        String csrf = web.csrfFrom("/opportunities/new");
        Api.Response stale = web.post("/opportunities/board/move", "id", id, "target", STAGE_2, "version", "0",
                "_csrf", csrf);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text()).contains("Someone else changed this opportunity");
        assertThat(fixture.get("sales1", id).get("stageName").asString()).isEqualTo("初步接洽");
    }

    @Test
    @DisplayName("F2 F3 moving a closed opportunity is refused with 409; won and lost drops follow the workflow")
    void workflowOnTheBoard() {
        SalesFixture fixture = new SalesFixture(api, jdbc);
        String closed = fixture.inStatus(OpportunityStatus.CLOSED);
        long version = fixture.get("manager", closed).get("version").asLong();
        WebSession manager = web("manager");
        String csrf = manager.csrfFrom("/opportunities/new");
        Api.Response refused = manager.post("/opportunities/board/move", "id", closed, "target", STAGE_2,
                "version", String.valueOf(version), "_csrf", csrf);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("Closed");

        String open = fixture.inStatus(OpportunityStatus.OPEN);
        Api.Response noReason = manager.post("/opportunities/board/move", "id", open, "target", "LOST",
                "version", "0", "_csrf", csrf);
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.text()).isEqualTo("Choose a loss reason.");
        Api.Response lost = manager.post("/opportunities/board/move", "id", open, "target", "LOST", "version", "0",
                "lossReasonId", fixture.lossReason("选择竞品").toString(), "_csrf", csrf);
        assertThat(lost.status()).as("%s", lost).isEqualTo(200);
        assertThat(fixture.get("manager", open).get("status").asString()).isEqualTo("LOST");

        String other = fixture.inStatus(OpportunityStatus.OPEN);
        Api.Response won = manager.post("/opportunities/board/move", "id", other, "target", "WON", "version", "0",
                "_csrf", csrf);
        assertThat(won.status()).isEqualTo(200);
        assertThat(fixture.get("manager", other).get("status").asString()).isEqualTo("WON");
        assertThat(manager.get("/opportunities/board").text()).doesNotContain(
                fixture.get("manager", other).get("number").asString());
    }
}
