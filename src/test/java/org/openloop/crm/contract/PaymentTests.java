package org.openloop.crm.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Payments (F7): instalments and money received, the outstanding balance, over-payment refused, overdue instalments
 * flagged on the contract and the payments list, the overdue job notifying the owner once, validation, optimistic
 * locking and data scope on every payment verb.
 */
@CrmIntegrationTest
class PaymentTests {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PaymentOverdueJob job;

    private UUID contractOf(String username, String amount) {
        return ContractFixtures.contract(jdbc, DemoOrganization.load(api).user(username), "回款合同" + TestData.unique(),
                new BigDecimal(amount));
    }

    static Map<String, Object> payment(String amount, LocalDate on) {
        Map<String, Object> body = new HashMap<>();
        body.put("receivedOn", on.toString());
        body.put("amount", amount);
        body.put("method", "BANK_TRANSFER");
        body.put("reference", "REF-" + TestData.unique());
        return body;
    }

    static Map<String, Object> plan(String amount, LocalDate due) {
        Map<String, Object> body = new HashMap<>();
        body.put("dueDate", due.toString());
        body.put("amount", amount);
        body.put("note", "分期");
        return body;
    }

    private JsonNode post(String user, String path, Object body) {
        Api.Response response = api.post(path).as(user).json(body).send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    private JsonNode contract(String user, UUID id) {
        Api.Response response = api.get("/api/v1/contracts/" + id).as(user).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    @Test
    @DisplayName("F7: outstanding balance = amount − received; instalments are covered in due-date order; an uncovered past instalment flags the contract overdue")
    void balanceCoverageAndOverdue() {
        UUID id = contractOf("sales1", "1000.00");
        String base = "/api/v1/contracts/" + id;
        JsonNode first = post("sales1", base + "/payment-plans", plan("400.00", TODAY.minusDays(5)));
        post("sales1", base + "/payment-plans", plan("600.00", TODAY.plusDays(30)));
        assertThat(contract("sales1", id).get("overdue").asBoolean()).isTrue();

        post("sales1", base + "/payments", payment("300.00", TODAY.minusDays(1)));
        JsonNode after = contract("sales1", id);
        assertThat(after.get("received").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(after.get("outstanding").decimalValue()).isEqualByComparingTo("700.00");
        assertThat(after.get("overdue").asBoolean()).as("300 does not cover the 400 instalment").isTrue();
        Api.Response overdueList = api.get("/api/v1/payment-plans?overdue=true&size=100&contractId=" + id).as("sales1").send();
        assertThat(overdueList.text()).contains(first.get("id").asString());
        assertThat(api.get("/api/v1/contracts?overdue=true&size=100&q=" + after.get("number").asString()).as("sales1")
                .send().json().get("items")).hasSize(1);

        post("sales1", base + "/payments", payment("100.00", TODAY));
        JsonNode covered = contract("sales1", id);
        assertThat(covered.get("outstanding").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(covered.get("overdue").asBoolean()).isFalse();
        JsonNode plans = api.get(base + "/payment-plans").as("sales1").send().json();
        assertThat(plans.get(0).get("covered").asBoolean()).isTrue();
        assertThat(plans.get(1).get("covered").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/payment-plans?overdue=true&size=100&contractId=" + id).as("sales1").send().json()
                .get("items")).isEmpty();
    }

    @Test
    @DisplayName("F7: a payment above the outstanding balance is refused with a localised 422 and nothing is stored")
    void overPaymentRefused() {
        UUID id = contractOf("sales1", "500.00");
        String base = "/api/v1/contracts/" + id;
        post("sales1", base + "/payments", payment("200.00", TODAY));
        Api.Response refused = api.post(base + "/payments").as("sales1").language("zh-CN")
                .json(payment("300.01", TODAY)).send();
        assertThat(refused.status()).as("%s", refused).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text()).contains("超出未回款余额").contains("300.00");
        assertThat(api.get(base + "/payments").as("sales1").send().json()).hasSize(1);
        assertThat(contract("sales1", id).get("received").decimalValue()).isEqualByComparingTo("200.00");
        // exactly the balance is fine
        post("sales1", base + "/payments", payment("300.00", TODAY));
        assertThat(contract("sales1", id).get("outstanding").decimalValue()).isEqualByComparingTo("0.00");
        // a plan above the amount is refused too
        Api.Response tooMuch = api.post(base + "/payment-plans").as("sales1").json(plan("500.01", TODAY)).send();
        assertThat(tooMuch.status()).as("%s", tooMuch).isEqualTo(422);
    }

    @Test
    @DisplayName("F7: the overdue job notifies the owner once per overdue instalment, even when run twice")
    void overdueJobNotifiesOnce() {
        var owner = DemoOrganization.load(api).user("sales1");
        UUID id = contractOf("sales1", "900.00");
        String base = "/api/v1/contracts/" + id;
        post("sales1", base + "/payment-plans", plan("300.00", TODAY.minusDays(3)));
        post("sales1", base + "/payment-plans", plan("300.00", TODAY.minusDays(1)));
        post("sales1", base + "/payment-plans", plan("300.00", TODAY.plusDays(10)));
        job.run();
        job.run();
        Integer sent = jdbc.sql("select count(*) from notification where user_id = ? and type = 'payment.overdue' "
                + "and link = ?").params(owner.id(), "/contracts/" + id).query(Integer.class).single();
        assertThat(sent).isEqualTo(2);
        Api.Response mine = api.get("/api/v1/notifications?size=50").as("sales1").send();
        assertThat(mine.text()).contains("/contracts/" + id);
    }

    @Test
    @DisplayName("F7: invalid payments and instalments answer 400 with one error per field")
    void validation() {
        UUID id = contractOf("sales1", "800.00");
        Map<String, Object> bad = new HashMap<>();
        bad.put("amount", "-5");
        Api.Response response = api.post("/api/v1/contracts/" + id + "/payments").as("sales1").json(bad).send();
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.text()).contains("receivedOn").contains("amount").contains("method");
        Api.Response plan = api.post("/api/v1/contracts/" + id + "/payment-plans").as("sales1")
                .json(Map.of("amount", "12.345")).send();
        assertThat(plan.status()).as("%s", plan).isEqualTo(400);
        assertThat(plan.text()).contains("dueDate").contains("amount");
        Api.Response malformed = api.post("/api/v1/contracts/" + id + "/payments").as("sales1").json("{not json").send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/contracts/" + id + "/payments").as("sales1").send().json()).isEmpty();
    }

    @Test
    @DisplayName("F7: correcting a payment with a stale version answers 409; a correction and a deletion are audited and reopen the balance")
    void correctionsAreVersionedAndAudited() {
        UUID id = contractOf("manager", "1000.00");
        JsonNode paid = post("manager", "/api/v1/contracts/" + id + "/payments", payment("1000.00", TODAY));
        Map<String, Object> changed = payment("800.00", TODAY);
        changed.put("version", paid.get("version").asLong() + 5);
        Api.Response stale = api.put("/api/v1/payments/" + paid.get("id").asString()).as("manager").json(changed).send();
        assertThat(stale.status()).as("%s", stale).isEqualTo(409);
        changed.put("version", paid.get("version").asLong());
        Api.Response ok = api.put("/api/v1/payments/" + paid.get("id").asString()).as("manager").json(changed).send();
        assertThat(ok.status()).as("%s", ok).isEqualTo(200);
        assertThat(contract("manager", id).get("outstanding").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(api.delete("/api/v1/payments/" + paid.get("id").asString()).as("sales1").send().status())
                .as("reps may not delete payments").isEqualTo(403);
        assertThat(api.delete("/api/v1/payments/" + paid.get("id").asString()).as("manager").send().status())
                .isEqualTo(204);
        assertThat(contract("manager", id).get("outstanding").decimalValue()).isEqualByComparingTo("1000.00");
        Integer audited = jdbc.sql("select count(*) from audit_event where entity_type = 'payment' and entity_id = ?")
                .param(paid.get("id").asString()).query(Integer.class).single();
        assertThat(audited).as("create, correction and deletion in the audit trail").isGreaterThanOrEqualTo(3);
        JsonNode history = api.get("/api/v1/contracts/" + id + "/history?size=50").as("manager").send().json();
        assertThat(history.toString()).contains("received");
    }

    @Test
    @DisplayName("A3 payments: a rep reads and writes payments of their own contracts only; another team's are 404 on every verb and absent from the lists")
    void paymentScope() {
        UUID foreign = contractOf("sales2", "700.00");
        JsonNode foreignPayment = post("sales2", "/api/v1/contracts/" + foreign + "/payments", payment("100.00", TODAY));
        JsonNode foreignPlan = post("sales2", "/api/v1/contracts/" + foreign + "/payment-plans", plan("100.00", TODAY.minusDays(2)));
        String base = "/api/v1/contracts/" + foreign;
        assertThat(api.get(base + "/payments").as("sales1").send().status()).isEqualTo(404);
        assertThat(api.get(base + "/payment-plans").as("sales1").send().status()).isEqualTo(404);
        assertThat(api.post(base + "/payments").as("sales1").json(payment("1.00", TODAY)).send().status()).isEqualTo(404);
        assertThat(api.post(base + "/payment-plans").as("sales1").json(plan("1.00", TODAY)).send().status()).isEqualTo(404);
        String paymentPath = "/api/v1/payments/" + foreignPayment.get("id").asString();
        Api.Response read = api.get(paymentPath).as("sales1").send();
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.text()).doesNotContain(foreignPayment.get("reference").asString());
        assertThat(api.put(paymentPath).as("sales1").json(payment("5.00", TODAY)).send().status()).isEqualTo(404);
        assertThat(api.put(base + "/payment-plans/" + foreignPlan.get("id").asString()).as("sales1")
                .json(plan("5.00", TODAY)).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/payments?size=100").as("sales1").send().text())
                .doesNotContain(foreignPayment.get("id").asString());
        assertThat(api.get("/api/v1/payment-plans?size=100&overdue=true").as("sales1").send().text())
                .doesNotContain(foreignPlan.get("id").asString());
        assertThat(api.get("/api/v1/payments?size=100").as("manager").send().text())
                .as("the sales manager's scope covers both teams").contains(foreignPayment.get("id").asString());
        assertThat(contract("sales2", foreign).get("received").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(api.get("/api/v1/payments").as("service1").send().status()).isEqualTo(403);
    }

    @Test
    @DisplayName("F6/I3: the owner is reminded once of a renewal date within the reminder period, even when the job runs twice")
    void renewalReminderOnce() {
        var owner = DemoOrganization.load(api).user("sales1");
        UUID id = contractOf("sales1", "100.00");
        jdbc.sql("update contract set renewal_date = ? where id = ?").params(TODAY.plusDays(10), id).update();
        job.run();
        job.run();
        Integer sent = jdbc.sql("select count(*) from notification where user_id = ? and type = 'contract.renewal' "
                + "and link = ?").params(owner.id(), "/contracts/" + id).query(Integer.class).single();
        assertThat(sent).isEqualTo(1);
    }

    @Test
    @DisplayName("B6: when two customers are merged, the merged customer's contracts move to the survivor")
    void contractsFollowMergedCustomers() throws InterruptedException {
        var owner = DemoOrganization.load(api).user("sales1");
        UUID merged = org.openloop.crm.customer.CustomerModule.insert(jdbc, owner, "被合并" + TestData.unique());
        UUID survivor = org.openloop.crm.customer.CustomerModule.insert(jdbc, owner, "保留" + TestData.unique());
        UUID id = ContractFixtures.contract(jdbc, owner, merged, "合并合同" + TestData.unique(), new BigDecimal("10.00"),
                null);
        transactions.executeWithoutResult(status -> events.publishEvent(
                new org.openloop.crm.shared.RecordsMerged("customer", merged, survivor)));
        UUID now = null;
        for (int i = 0; i < 100 && !survivor.equals(now); i++) {
            Thread.sleep(100);
            now = jdbc.sql("select customer_id from contract where id = ?").param(id).query(UUID.class).single();
        }
        assertThat(now).isEqualTo(survivor);
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
}
