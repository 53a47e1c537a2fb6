package org.openloop.crm.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
 * The contract pages (F6, F7): detail with lines, payments, files, comments and history; editing with the version
 * the form was opened with; instalments and payments from the page with their refusals next to the field; delivery.
 */
@CrmIntegrationTest
class ContractPageTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    private WebSession signedIn(String username) {
        WebSession web = new WebSession(api);
        web.login(username, Api.DEMO_PASSWORD);
        return web;
    }

    @Test
    @DisplayName("F6 F7: the contract page shows lines and balance; instalments, payments and delivery are changed from it; an over-payment is refused next to the field")
    void detailPaymentsAndDelivery() {
        String title = "页面合同" + TestData.unique();
        UUID id = ContractFixtures.contract(jdbc, DemoOrganization.load(api).user("sales1"), title,
                new BigDecimal("2000.00"));
        WebSession web = signedIn("sales1");
        String path = "/contracts/" + id;
        Api.Response page = web.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains(title).contains("测试产品").contains("2,000.00")
                .contains("/attachments/panel?recordType=contract").contains("/comments/panel?recordType=contract");
        String csrf = web.csrfFrom(path);

        Api.Response plan = web.post(path + "/plans", "_csrf", csrf, "dueDate",
                PaymentTests.TODAY.minusDays(2).toString(), "planAmount", "500.00", "planNote", "首付款");
        assertThat(plan.status()).isEqualTo(302);
        assertThat(web.get(path).text()).contains("首付款").contains("data-testid=\"plan-overdue\"");

        Api.Response over = web.post(path + "/payments", "_csrf", csrf, "receivedOn", PaymentTests.TODAY.toString(),
                "amount", "2000.01", "method", "CASH", "reference", "", "planId", "");
        assertThat(over.status()).isEqualTo(200);
        assertThat(over.text()).contains("data-testid=\"error-amount\"").contains("data-open-tab=\"payments\"");

        Api.Response missing = web.post(path + "/payments", "_csrf", csrf, "receivedOn", "", "amount", "", "method",
                "CASH");
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.text()).contains("data-testid=\"error-amount\"").contains("data-testid=\"error-receivedOn\"");
        Api.Response tooMuchPlanned = web.post(path + "/plans", "_csrf", csrf, "dueDate", PaymentTests.TODAY.toString(),
                "planAmount", "1500.01");
        assertThat(tooMuchPlanned.status()).isEqualTo(200);
        assertThat(tooMuchPlanned.text()).contains("data-testid=\"form-errors\"");

        Api.Response paid = web.post(path + "/payments", "_csrf", csrf, "receivedOn", PaymentTests.TODAY.toString(),
                "amount", "2000.00", "method", "CHEQUE", "reference", "ZP-1", "planId", "");
        assertThat(paid.status()).isEqualTo(302);
        Api.Response after = web.get(path);
        assertThat(after.text()).contains("ZP-1").doesNotContain("data-testid=\"plan-overdue\"");

        Api.Response shipped = web.post(path + "/delivery", "_csrf", csrf, "deliveryStatus", "SHIPPED");
        assertThat(shipped.status()).isEqualTo(302);
        var json = api.get("/api/v1/contracts/" + id).as("sales1").send().json();
        assertThat(json.get("deliveryStatus").asString()).isEqualTo("SHIPPED");
        assertThat(json.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(web.get(path + "/history").text()).contains("SHIPPED");
    }

    @Test
    @DisplayName("F6: the edit form saves with the version it was opened with; a stale form shows the conflict instead of overwriting")
    void editWithVersion() {
        UUID id = ContractFixtures.contract(jdbc, DemoOrganization.load(api).user("sales1"), "编辑合同" + TestData.unique(),
                new BigDecimal("300.00"));
        WebSession web = signedIn("sales1");
        String edit = "/contracts/" + id + "/edit";
        Api.Response form = web.get(edit);
        assertThat(form.status()).isEqualTo(200);
        String csrf = web.csrfFrom(edit);
        String renamed = "改名合同" + TestData.unique();
        Api.Response saved = web.post(edit, "_csrf", csrf, "title", renamed, "kind", "ORDER", "signingDate",
                "2026-01-15", "termStart", "2026-02-01", "termEnd", "2027-01-31", "renewalDate", "",
                "deliveryStatus", "PARTIALLY_SHIPPED", "signer", "王经理", "notes", "", "version", "0");
        assertThat(saved.status()).isEqualTo(302);
        var json = api.get("/api/v1/contracts/" + id).as("sales1").send().json();
        assertThat(json.get("title").asString()).isEqualTo(renamed);
        assertThat(json.get("kind").asString()).isEqualTo("ORDER");
        assertThat(json.get("renewalDate").asString()).as("defaults to the term's end").isEqualTo("2027-01-31");
        Api.Response stale = web.post(edit, "_csrf", csrf, "title", "过期表单", "kind", "ORDER", "deliveryStatus",
                "NOT_SHIPPED", "version", "0");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.text()).contains("data-testid=\"form-errors\"");
        assertThat(api.get("/api/v1/contracts/" + id).as("sales1").send().json().get("title").asString())
                .isEqualTo(renamed);
        Api.Response blank = web.post(edit, "_csrf", csrf, "title", "", "kind", "ORDER", "deliveryStatus",
                "NOT_SHIPPED", "version", json.get("version").asString());
        assertThat(blank.text()).contains("data-testid=\"error-title\"");
        assertThat(signedIn("service1").get(edit).status()).isEqualTo(403);
    }
}
