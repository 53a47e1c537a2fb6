package org.openloop.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.ScopeMatrix;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Data scope (A3) of opportunities on every channel: API matrix, workflow steps, board moves, pages. */
@CrmIntegrationTest
class OpportunityScopeTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @TestFactory
    @DisplayName("A3 F1 opportunities: detail, list, edit, export and assignment obey each role's data scope")
    Stream<DynamicNode> opportunityScopeMatrix() {
        return new ScopeMatrix(api, new OpportunityModule(api, jdbc)).tests();
    }

    @Test
    @DisplayName("A3 F2 F3 a rep cannot see, step, move, or open pages of another team's opportunity: every verb → 404")
    void otherTeamIsInvisible() {
        DemoOrganization organization = DemoOrganization.load(api);
        UUID theirs = OpportunityModule.insert(jdbc, organization.user("sales2"), "别人的商机");
        for (String step : new String[] {"win", "lose", "close", "reopen"}) {
            Api.Response response = api.post("/api/v1/opportunities/" + theirs + "/" + step).as("sales1")
                    .json(Map.of()).send();
            assertThat(response.status()).as("%s", response).isEqualTo(404);
        }
        assertThat(api.post("/api/v1/opportunities/" + theirs + "/move").as("sales1")
                .json(Map.of("stageId", OpportunityModule.FIRST_STAGE)).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/opportunities/" + theirs + "/stage-history").as("sales1").send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/opportunities/" + theirs + "/history").as("sales1").send().status())
                .isEqualTo(404);

        WebSession web = new WebSession(api);
        web.login("sales1", Api.DEMO_PASSWORD);
        String csrf = web.csrfFrom("/opportunities/new");
        assertThat(web.get("/opportunities/" + theirs).status()).isEqualTo(404);
        assertThat(web.get("/opportunities/" + theirs + "/edit").status()).isEqualTo(404);
        assertThat(web.get("/opportunities/" + theirs + "/timeline").status()).isEqualTo(404);
        assertThat(web.get("/opportunities/" + theirs + "/history").status()).isEqualTo(404);
        assertThat(web.post("/opportunities/board/move", "id", theirs.toString(), "target",
                "7a000000-0000-4000-8000-000000000012", "version", "0", "_csrf", csrf).status()).isEqualTo(404);
        assertThat(web.post("/opportunities/" + theirs + "/win", "version", "0", "_csrf", csrf).status())
                .isEqualTo(404);
        assertThat(web.get("/opportunities/board").text()).doesNotContain("别人的商机");
        assertThat(web.get("/opportunities").text()).doesNotContain("别人的商机");
        assertThat(jdbc.sql("select status from opportunity where id = ?").param(theirs).query(String.class).single())
                .isEqualTo("OPEN");
    }
}
