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

import tools.jackson.databind.JsonNode;

/**
 * Instalments and payments edited on the contract page (F7): the forms open with the current values and version,
 * save through the same rules as the API, show a stale version, refused input and invalid fields on the form, and
 * answer 404 outside the caller's scope, 403 without the permission or without the CSRF token.
 */
@CrmIntegrationTest
class PaymentEditPageTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    private WebSession signedIn(String username) {
        WebSession web = new WebSession(api);
        web.login(username, Api.DEMO_PASSWORD);
        return web;
    }

    /** A contract of 1 000.00 owned by {@code owner} with an instalment of 400.00 and a payment of 300.00. */
    private record Fixture(UUID contractId, UUID planId, UUID paymentId) {
    }

    private Fixture fixture(String owner) {
        UUID id = ContractFixtures.contract(jdbc, DemoOrganization.load(api).user(owner), "改款合同" + TestData.unique(),
                new BigDecimal("1000.00"));
        Api.Response plan = api.post("/api/v1/contracts/" + id + "/payment-plans").as(owner)
                .json(PaymentTests.plan("400.00", PaymentTests.TODAY.plusDays(10))).send();
        assertThat(plan.status()).as("%s", plan).isEqualTo(201);
        Api.Response payment = api.post("/api/v1/contracts/" + id + "/payments").as(owner)
                .json(PaymentTests.payment("300.00", PaymentTests.TODAY)).send();
        assertThat(payment.status()).as("%s", payment).isEqualTo(201);
        return new Fixture(id, UUID.fromString(plan.json().get("id").asString()),
                UUID.fromString(payment.json().get("id").asString()));
    }

    private JsonNode contract(UUID id) {
        return api.get("/api/v1/contracts/" + id).as("sales1").send().json();
    }

    private JsonNode plan(Fixture f) {
        for (JsonNode plan : api.get("/api/v1/contracts/" + f.contractId() + "/payment-plans").as("sales1").send()
                .json()) {
            if (plan.get("id").asString().equals(f.planId().toString())) {
                return plan;
            }
        }
        throw new AssertionError("no instalment " + f.planId());
    }

    private JsonNode payment(Fixture f) {
        return api.get("/api/v1/payments/" + f.paymentId()).as("sales1").send().json();
    }

    @Test
    @DisplayName("F7: the owner edits an instalment's amount and due date and a payment's amount from the contract page; the received and outstanding totals follow")
    void ownerEditsInstalmentAndPayment() {
        Fixture f = fixture("sales1");
        WebSession web = signedIn("sales1");
        String contractPage = "/contracts/" + f.contractId();
        String planEdit = contractPage + "/plans/" + f.planId() + "/edit";
        String paymentEdit = "/payments/" + f.paymentId() + "/edit";
        assertThat(web.get(contractPage).text()).contains("href=\"" + planEdit + "\"")
                .contains("href=\"" + paymentEdit + "\"");

        Api.Response planForm = web.get(planEdit);
        assertThat(planForm.status()).isEqualTo(200);
        assertThat(planForm.text()).contains("value=\"400.00\"").contains("分期")
                .contains("value=\"" + PaymentTests.TODAY.plusDays(10) + "\"")
                .contains("name=\"version\" value=\"0\"")
                // the shared frame: heading, and the breadcrumb back to the contract
                .contains("<span>Edit instalment</span>").contains("href=\"" + contractPage + "\"");
        String csrf = web.csrfFrom(planEdit);
        String due = PaymentTests.TODAY.minusDays(3).toString();
        Api.Response planSaved = web.post(planEdit, "_csrf", csrf, "dueDate", due, "planAmount", "600.00",
                "planNote", "改期", "version", "0");
        assertThat(planSaved.status()).isEqualTo(302);
        assertThat(planSaved.headers().firstValue("Location").orElseThrow()).endsWith(contractPage + "#payments");
        JsonNode plan = plan(f);
        assertThat(plan.get("amount").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(plan.get("dueDate").asString()).isEqualTo(due);
        assertThat(plan.get("note").asString()).isEqualTo("改期");
        assertThat(web.get(contractPage).text()).contains("Instalment saved.")
                .contains("data-testid=\"plan-overdue\"");

        Api.Response paymentForm = web.get(paymentEdit);
        assertThat(paymentForm.status()).isEqualTo(200);
        assertThat(paymentForm.text()).contains("value=\"300.00\"").contains("name=\"version\" value=\"0\"")
                .contains("<span>Edit payment</span>").contains("href=\"" + contractPage + "\"");
        JsonNode before = payment(f);
        Api.Response paymentSaved = web.post(paymentEdit, "_csrf", web.csrfFrom(paymentEdit), "receivedOn",
                PaymentTests.TODAY.toString(), "amount", "700.00", "method", "CASH", "reference",
                before.get("reference").asString(), "planId", f.planId().toString(), "note", "更正", "version", "0");
        assertThat(paymentSaved.status()).isEqualTo(302);
        assertThat(paymentSaved.headers().firstValue("Location").orElseThrow()).endsWith(contractPage + "#payments");
        JsonNode payment = payment(f);
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("700.00");
        assertThat(payment.get("method").asString()).isEqualTo("CASH");
        assertThat(payment.get("planId").asString()).isEqualTo(f.planId().toString());
        JsonNode contract = contract(f.contractId());
        assertThat(contract.get("received").decimalValue()).isEqualByComparingTo("700.00");
        assertThat(contract.get("outstanding").decimalValue()).isEqualByComparingTo("300.00");
        String page = web.get(contractPage).text();
        assertThat(page).contains("Payment saved.").doesNotContain("data-testid=\"plan-overdue\"");
        Integer audited = jdbc.sql("select count(*) from audit_event where entity_type = 'payment' and entity_id = ?")
                .param(f.paymentId().toString()).query(Integer.class).single();
        assertThat(audited).as("creation and correction in the audit trail").isGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("F7: a stale instalment or payment form shows the conflict message and changes nothing; over-planning and over-payment are refused on the form")
    void staleVersionAndRefusedRules() {
        Fixture f = fixture("sales1");
        api.put("/api/v1/payments/" + f.paymentId()).as("sales1")
                .json(PaymentTests.payment("250.00", PaymentTests.TODAY)).send();
        Api.Response changedPlan = api.put("/api/v1/contracts/" + f.contractId() + "/payment-plans/" + f.planId())
                .as("sales1").json(PaymentTests.plan("450.00", PaymentTests.TODAY)).send();
        assertThat(changedPlan.status()).as("%s", changedPlan).isEqualTo(200);
        WebSession web = signedIn("sales1");
        String planEdit = "/contracts/" + f.contractId() + "/plans/" + f.planId() + "/edit";
        String paymentEdit = "/payments/" + f.paymentId() + "/edit";
        String csrf = web.csrfFrom(planEdit);

        Api.Response stalePlan = web.post(planEdit, "_csrf", csrf, "dueDate", PaymentTests.TODAY.toString(),
                "planAmount", "100.00", "version", "0");
        assertThat(stalePlan.status()).isEqualTo(200);
        assertThat(stalePlan.text()).contains("data-testid=\"form-errors\"").contains("changed by someone else");
        assertThat(plan(f).get("amount").decimalValue()).isEqualByComparingTo("450.00");

        Api.Response stalePayment = web.post(paymentEdit, "_csrf", csrf, "receivedOn", PaymentTests.TODAY.toString(),
                "amount", "100.00", "method", "CASH", "version", "0");
        assertThat(stalePayment.status()).isEqualTo(200);
        assertThat(stalePayment.text()).contains("data-testid=\"form-errors\"").contains("changed by someone else");
        assertThat(payment(f).get("amount").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(contract(f.contractId()).get("received").decimalValue()).isEqualByComparingTo("250.00");

        long planVersion = plan(f).get("version").asLong();
        Api.Response overPlanned = web.post(planEdit, "_csrf", csrf, "dueDate", PaymentTests.TODAY.toString(),
                "planAmount", "1000.01", "version", String.valueOf(planVersion));
        assertThat(overPlanned.status()).isEqualTo(200);
        assertThat(overPlanned.text()).contains("data-testid=\"form-errors\"").contains("more than the contract amount");
        long paymentVersion = payment(f).get("version").asLong();
        Api.Response overPaid = web.post(paymentEdit, "_csrf", csrf, "receivedOn", PaymentTests.TODAY.toString(),
                "amount", "1000.01", "method", "CASH", "version", String.valueOf(paymentVersion));
        assertThat(overPaid.status()).isEqualTo(200);
        assertThat(overPaid.text()).contains("data-testid=\"error-amount\"");
        assertThat(payment(f).get("amount").decimalValue()).isEqualByComparingTo("250.00");
    }

    @Test
    @DisplayName("F7: an invalid amount or a missing date is shown next to its field on the edit forms and nothing is saved")
    void invalidInput() {
        Fixture f = fixture("sales1");
        WebSession web = signedIn("sales1");
        String planEdit = "/contracts/" + f.contractId() + "/plans/" + f.planId() + "/edit";
        String paymentEdit = "/payments/" + f.paymentId() + "/edit";
        String csrf = web.csrfFrom(planEdit);

        Api.Response plan = web.post(planEdit, "_csrf", csrf, "dueDate", "", "planAmount", "-5", "version", "0");
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.text()).contains("data-testid=\"error-planAmount\"").contains("data-testid=\"error-dueDate\"");
        Api.Response notANumber = web.post(planEdit, "_csrf", csrf, "dueDate", PaymentTests.TODAY.toString(),
                "planAmount", "abc", "version", "0");
        assertThat(notANumber.status()).isEqualTo(200);
        assertThat(notANumber.text()).contains("data-testid=\"error-planAmount\"");
        assertThat(plan(f).get("amount").decimalValue()).isEqualByComparingTo("400.00");

        Api.Response payment = web.post(paymentEdit, "_csrf", csrf, "receivedOn", PaymentTests.TODAY.toString(),
                "amount", "0", "method", "CASH", "version", "0");
        assertThat(payment.status()).isEqualTo(200);
        assertThat(payment.text()).contains("data-testid=\"error-amount\"");
        assertThat(payment(f).get("amount").decimalValue()).isEqualByComparingTo("300.00");
    }

    @Test
    @DisplayName("F7 A3: outside the caller's scope the edit forms and their posts answer 404; without the permission 403; without the CSRF token 403; nothing changes")
    void scopePermissionAndCsrf() {
        Fixture f = fixture("sales1");
        String planEdit = "/contracts/" + f.contractId() + "/plans/" + f.planId() + "/edit";
        String paymentEdit = "/payments/" + f.paymentId() + "/edit";

        WebSession other = signedIn("sales2");
        assertThat(other.get(planEdit).status()).isEqualTo(404);
        assertThat(other.get(paymentEdit).status()).isEqualTo(404);
        String csrf = other.csrfFrom("/contracts");
        assertThat(other.post(planEdit, "_csrf", csrf, "dueDate", PaymentTests.TODAY.toString(), "planAmount", "1.00",
                "version", "0").status()).isEqualTo(404);
        assertThat(other.post(paymentEdit, "_csrf", csrf, "receivedOn", PaymentTests.TODAY.toString(), "amount",
                "1.00", "method", "CASH", "version", "0").status()).isEqualTo(404);
        UUID foreignPlan = fixture("sales2").planId();
        assertThat(signedIn("sales1").get("/contracts/" + f.contractId() + "/plans/" + foreignPlan + "/edit")
                .status()).as("an instalment of another contract").isEqualTo(404);

        WebSession service = signedIn("service1");
        assertThat(service.get(planEdit).status()).isEqualTo(403);
        assertThat(service.get(paymentEdit).status()).isEqualTo(403);

        WebSession owner = signedIn("sales1");
        assertThat(owner.post(planEdit, "dueDate", PaymentTests.TODAY.toString(), "planAmount", "1.00", "version",
                "0").status()).isEqualTo(403);
        assertThat(owner.post(paymentEdit, "receivedOn", PaymentTests.TODAY.toString(), "amount", "1.00", "method",
                "CASH", "version", "0").status()).isEqualTo(403);

        assertThat(plan(f).get("amount").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(payment(f).get("amount").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(plan(f).get("version").asLong()).isZero();
        assertThat(payment(f).get("version").asLong()).isZero();
    }
}
