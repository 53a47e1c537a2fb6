package org.openloop.crm.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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

/**
 * F2/F6/F7: a won opportunity becomes closed (关闭) when its contract is fully paid and shipped — whichever of the two
 * comes last — in the same transaction; a later correction reopens the contract's balance but not the opportunity.
 */
@CrmIntegrationTest
class ContractCompletionTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    record Deal(UUID opportunityId, UUID contractId) {
    }

    /** A won opportunity of sales1 and a contract of 1 000.00 on it. */
    private Deal wonDeal() {
        String customer = TestData.createCustomer(api, "sales1", Map.of("name", "成交客户" + TestData.unique()))
                .get("id").asString();
        Api.Response created = api.post("/api/v1/opportunities").as("sales1").json(Map.of("customerId", customer,
                "name", "成交商机" + TestData.unique(), "amount", "1000.00")).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        UUID opportunity = UUID.fromString(created.json().get("id").asString());
        Api.Response won = api.post("/api/v1/opportunities/" + opportunity + "/win").as("sales1").json(Map.of()).send();
        assertThat(won.status()).as("%s", won).isEqualTo(200);
        UUID contract = ContractFixtures.contract(jdbc, DemoOrganization.load(api).user("sales1"),
                UUID.fromString(customer), "成交合同" + TestData.unique(), new BigDecimal("1000.00"), opportunity);
        return new Deal(opportunity, contract);
    }

    private String opportunityStatus(Deal deal) {
        return api.get("/api/v1/opportunities/" + deal.opportunityId()).as("sales1").send().json().get("status")
                .asString();
    }

    private Api.Response pay(Deal deal, String amount) {
        Api.Response response = api.post("/api/v1/contracts/" + deal.contractId() + "/payments").as("sales1")
                .json(PaymentTests.payment(amount, PaymentTests.TODAY)).send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response;
    }

    private void ship(Deal deal, String status) {
        Api.Response response = api.post("/api/v1/contracts/" + deal.contractId() + "/delivery").as("sales1")
                .json(Map.of("deliveryStatus", status)).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    @Test
    @DisplayName("F2 F7: paid in full first, then shipped — the opportunity closes when the last shipment is recorded")
    void paidThenShipped() {
        Deal deal = wonDeal();
        pay(deal, "400.00");
        pay(deal, "600.00");
        assertThat(opportunityStatus(deal)).isEqualTo("WON");
        ship(deal, "PARTIALLY_SHIPPED");
        assertThat(opportunityStatus(deal)).isEqualTo("WON");
        ship(deal, "SHIPPED");
        assertThat(opportunityStatus(deal)).isEqualTo("CLOSED");
        var contract = api.get("/api/v1/contracts/" + deal.contractId()).as("sales1").send().json();
        assertThat(contract.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(contract.get("opportunityStatus").asString()).isEqualTo("CLOSED");
    }

    @Test
    @DisplayName("F2 F7: shipped first, then paid — the opportunity closes with the payment that brings the balance to zero; deleting a payment later reopens the contract, not the opportunity")
    void shippedThenPaid() {
        Deal deal = wonDeal();
        ship(deal, "SHIPPED");
        pay(deal, "999.99");
        assertThat(opportunityStatus(deal)).isEqualTo("WON");
        String last = pay(deal, "0.01").json().get("id").asString();
        assertThat(opportunityStatus(deal)).isEqualTo("CLOSED");

        assertThat(api.delete("/api/v1/payments/" + last).as("manager").send().status()).isEqualTo(204);
        var contract = api.get("/api/v1/contracts/" + deal.contractId()).as("sales1").send().json();
        assertThat(contract.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(contract.get("outstanding").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(opportunityStatus(deal)).as("closing is one-way").isEqualTo("CLOSED");
        pay(deal, "0.01");
        assertThat(opportunityStatus(deal)).isEqualTo("CLOSED");
    }
}
