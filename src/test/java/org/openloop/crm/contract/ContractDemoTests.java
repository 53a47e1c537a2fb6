package org.openloop.crm.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The demo contract: the accepted quote of 「A科技公司 ERP 升级项目」 with three instalments, one received, partly
 * shipped — or, when the quoting demo has no accepted quote for it, no demo contract at all.
 */
@CrmIntegrationTest
class ContractDemoTests {

    static final String TITLE = "A科技公司 ERP 升级合同";

    @Autowired
    Api api;

    @Test
    @DisplayName("F6 F7 demo: the accepted demo quote became sales1's contract with three instalments, the first received, partly shipped; without one there is no demo contract")
    void demoContract() {
        JsonNode demoQuote = null;
        for (JsonNode quote : api.get("/api/v1/quotes?size=100").as("sales1").send().json().get("items")) {
            if ("A科技公司 ERP 升级项目".equals(quote.get("opportunityName").asString())
                    && "ACCEPTED".equals(quote.get("status").asString())) {
                demoQuote = quote;
            }
        }
        JsonNode listed = null;
        for (JsonNode item : api.get("/api/v1/contracts?size=100&q=ERP").as("sales1").send().json().get("items")) {
            if (item.get("title").asString().equals(TITLE)) {
                listed = item;
            }
        }
        if (demoQuote == null) {
            assertThat(listed).as("no accepted demo quote, no demo contract").isNull();
            return;
        }
        assertThat(listed).as("demo contract").isNotNull();
        String id = listed.get("id").asString();
        JsonNode contract = api.get("/api/v1/contracts/" + id).as("sales1").send().json();
        assertThat(contract.get("quoteId").asString()).isEqualTo(demoQuote.get("id").asString());
        assertThat(contract.get("amount").decimalValue()).isEqualByComparingTo(demoQuote.get("grandTotal").decimalValue());
        assertThat(contract.get("deliveryStatus").asString()).isEqualTo("PARTIALLY_SHIPPED");
        assertThat(contract.get("opportunityStatus").asString()).isEqualTo("WON");
        assertThat(contract.get("overdue").asBoolean()).isFalse();
        JsonNode plans = api.get("/api/v1/contracts/" + id + "/payment-plans").as("sales1").send().json();
        assertThat(plans).hasSize(3);
        assertThat(plans.get(0).get("covered").asBoolean()).isTrue();
        assertThat(plans.get(1).get("covered").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/contracts/" + id + "/payments").as("sales1").send().json()).hasSize(1);
        assertThat(contract.get("received").decimalValue()).isEqualByComparingTo(plans.get(0).get("amount").decimalValue());
        assertThat(api.get("/api/v1/contracts/" + id).as("sales2").send().status()).isEqualTo(404);
    }
}
