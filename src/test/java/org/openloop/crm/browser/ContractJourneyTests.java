package org.openloop.crm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.openloop.crm.browser.Journeys.scriptsReady;
import static org.openloop.crm.browser.Journeys.signIn;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import tools.jackson.databind.JsonNode;

/**
 * From an accepted quote to a closed opportunity in the browser (F5–F7, F2): sales1 makes the contract from the
 * quote, ships it, records payments until nothing is outstanding, and sees the opportunity 关闭.
 */
@CrmIntegrationTest
@ExtendWith(BrowserSupport.class)
class ContractJourneyTests {

    private static final Pattern CONTRACT_PAGE = Pattern.compile(".*/contracts/[0-9a-f-]{36}(#.*)?$");

    @Autowired
    Api api;

    /** An open opportunity of sales1 with a quote of one line, sent and accepted through the API. */
    private JsonNode acceptedQuote() {
        String customerId = TestData.createCustomer(api, "sales1", Map.of("name", "旅程客户" + TestData.unique()))
                .get("id").asString();
        Api.Response opportunity = api.post("/api/v1/opportunities").as("sales1").json(Map.of("customerId",
                customerId, "name", "旅程商机" + TestData.unique(), "amount", "30000.00")).send();
        assertStatus(opportunity, 201);
        Map<String, Object> product = new HashMap<>();
        product.put("code", "P-" + TestData.unique());
        product.put("name", "云存储一体机" + Journeys.chinese(2));
        product.put("unit", "台");
        product.put("listPrice", "12000.00");
        product.put("taxRate", "13");
        product.put("kind", "PRODUCT");
        Api.Response created = api.post("/api/v1/products").as("admin").json(product).send();
        assertStatus(created, 201);
        Map<String, Object> line = new HashMap<>();
        line.put("productId", created.json().get("id").asString());
        line.put("quantity", "2");
        Api.Response quote = api.post("/api/v1/quotes").as("sales1").json(Map.of("opportunityId",
                opportunity.json().get("id").asString(), "lines", List.of(line))).send();
        assertStatus(quote, 201);
        String id = quote.json().get("id").asString();
        assertStatus(api.post("/api/v1/quotes/" + id + "/send").as("sales1").json(Map.of()).send(), 200);
        Api.Response accepted = api.post("/api/v1/quotes/" + id + "/accept").as("sales1").json(Map.of()).send();
        assertStatus(accepted, 200);
        return accepted.json();
    }

    private static void assertStatus(Api.Response response, int status) {
        org.assertj.core.api.Assertions.assertThat(response.status()).as("%s", response).isEqualTo(status);
    }

    @Test
    @DisplayName("F6 F7 F2 sales1 makes the contract from an accepted quote, ships it, records payments until nothing is outstanding and sees the opportunity closed (关闭)")
    void quoteToClosedOpportunity(Browser browser) {
        JsonNode quote = acceptedQuote();
        BigDecimal total = quote.get("grandTotal").decimalValue();
        BigDecimal first = total.divide(new BigDecimal("3"), 2, RoundingMode.HALF_UP);
        BigDecimal rest = total.subtract(first);
        String title = "云存储合同" + Journeys.chinese(3);

        Page page = BrowserSupport.newPage(browser, "zh-CN");
        try {
            signIn(page, api, "sales1");
            page.navigate(api.baseUrl() + "/contracts/new?quoteId=" + quote.get("id").asString());
            assertThat(page.getByTestId("contract-quote-preview")).containsText(quote.get("number").asString());
            assertThat(page.getByTestId("preview-line")).hasCount(1);
            page.getByTestId("field-title").fill(title);
            page.getByTestId("field-signer").fill("张伟");
            page.getByTestId("form-submit").click();
            assertThat(page).hasURL(CONTRACT_PAGE);
            assertThat(page.getByTestId("flash-success")).isVisible();
            assertThat(page.getByTestId("detail-title")).containsText(title);
            assertThat(page.getByTestId("contract-opportunity-status")).hasText("成功");
            assertThat(page.getByTestId("contract-line")).hasCount(1);
            scriptsReady(page);

            page.getByTestId("contract-delivery-select").selectOption("SHIPPED");
            page.getByTestId("contract-delivery-save").click();
            assertThat(page.getByTestId("contract-delivery")).hasText("已发货");
            scriptsReady(page);

            page.getByTestId("tab-payments").click();
            page.getByTestId("field-amount").fill(first.toPlainString());
            page.getByTestId("field-reference").fill("HK-001");
            page.getByTestId("payment-submit").click();
            assertThat(page.getByTestId("contract-payment")).hasCount(1);
            assertThat(page.getByTestId("contract-opportunity-status")).hasText("成功");
            scriptsReady(page);

            // the hash brings the payments tab back after the redirect
            assertThat(page.getByTestId("payment-form")).isVisible();
            page.getByTestId("field-amount").fill(rest.add(new BigDecimal("0.01")).toPlainString());
            page.getByTestId("payment-submit").click();
            assertThat(page.getByTestId("error-amount")).isVisible();
            assertThat(page.getByTestId("payment-form")).isVisible();
            page.getByTestId("field-amount").fill(rest.toPlainString());
            page.getByTestId("field-method").selectOption("CHEQUE");
            page.getByTestId("payment-submit").click();
            assertThat(page.getByTestId("contract-payment")).hasCount(2);

            page.getByTestId("tab-overview").click();
            assertThat(page.getByTestId("contract-outstanding")).hasText("0.00");
            assertThat(page.getByTestId("contract-status")).hasText("已完成");
            assertThat(page.getByTestId("contract-opportunity-status")).hasText("关闭");

            page.navigate(api.baseUrl() + "/contracts?q=" + title);
            assertThat(page.getByTestId("contract-list-row")).hasCount(1);
            assertThat(page.getByTestId("contract-list-row")).containsText("已完成");
        }
        finally {
            page.context().close();
        }
    }
}
