package org.openloop.crm.quoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Quotes over REST (F5): creation from an opportunity, prices and totals, the workflow and versions. */
@CrmIntegrationTest
class QuoteApiTests {

    @Autowired
    Api api;

    @Test
    @DisplayName("F5: a rep quotes an open opportunity; customer and currency come from it, totals to the cent; "
            + "sent and accepted it is offered to contracts")
    void createSendAccept() {
        QuoteFixture fixture = new QuoteFixture(api);
        String customerName = "A科技公司" + TestData.unique();
        JsonNode opportunity = fixture.opportunity("sales1", customerName);
        JsonNode product = fixture.product("CRM 标准版 license", "5000.00", "13");
        Api.Response created = fixture.createQuote("sales1", QuoteFixture.quoteBody(opportunity.get("id").asString(),
                List.of(QuoteFixture.line(product.get("id").asString(), "3", null, "5"))));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode quote = created.json();
        assertThat(quote.get("number").asString()).startsWith("BJ");
        assertThat(quote.get("quoteVersion").asInt()).isEqualTo(1);
        assertThat(quote.get("status").asString()).isEqualTo("DRAFT");
        assertThat(quote.get("customerName").asString()).isEqualTo(customerName);
        assertThat(quote.get("currency").asString()).isEqualTo("CNY");
        // 3 × 5000 × 0.95 = 14250.00; tax 13 % = 1852.50
        assertThat(QuoteFixture.money(quote.get("netTotal"))).isEqualByComparingTo("14250.00");
        assertThat(QuoteFixture.money(quote.get("taxTotal"))).isEqualByComparingTo("1852.50");
        assertThat(QuoteFixture.money(quote.get("grandTotal"))).isEqualByComparingTo("16102.50");
        assertThat(QuoteFixture.money(quote.get("discountTotal"))).isEqualByComparingTo("750.00");
        String id = quote.get("id").asString();

        Api.Response sent = fixture.step("sales1", id, "send", Map.of("version", quote.get("version").asLong()));
        assertThat(sent.status()).as("%s", sent).isEqualTo(200);
        assertThat(sent.json().get("status").asString()).isEqualTo("SENT");
        Api.Response accepted = fixture.step("sales1", id, "accept", Map.of());
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");

        JsonNode ofOpportunity = api.get("/api/v1/quotes/of-opportunity/" + opportunity.get("id").asString())
                .as("sales1").send().json();
        assertThat(ofOpportunity).hasSize(1);
        assertThat(ofOpportunity.get(0).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(QuoteFixture.money(ofOpportunity.get(0).get("grandTotal"))).isEqualByComparingTo(
                new BigDecimal("16102.50"));
    }
}
