package org.openloop.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo sales loop: a won opportunity for the campaign's ROI, and an opportunity page that shows its quotes. */
@CrmIntegrationTest
class SalesDemoDataTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("F1/J1 demo: the won opportunity is stored as won, so the spring campaign has a non-zero ROI")
    void wonDemoOpportunityIsWon() {
        assertThat(jdbc.sql("select status from opportunity where name = ?").param("B制造企业 设备管理系统")
                .query(String.class).single()).isEqualTo("WON");
    }

    @Test
    @DisplayName("F1/F5 the opportunity page has a quotes tab whose panel lists the opportunity's quotes")
    void opportunityPageShowsQuotes() {
        String id = jdbc.sql("select id from opportunity where name = ?").param("A科技公司 ERP 升级项目")
                .query((rs, n) -> rs.getObject(1).toString()).single();
        WebSession web = new WebSession(api);
        web.login("sales1", "demo123");
        assertThat(web.get("/opportunities/" + id).text()).contains("/quotes/panel?opportunityId=" + id);
        assertThat(web.get("/quotes/panel?opportunityId=" + id).text()).contains("quote-panel-row");
    }
}
