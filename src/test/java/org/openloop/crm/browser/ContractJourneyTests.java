package org.openloop.crm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.openloop.crm.browser.Journeys.scriptsReady;
import static org.openloop.crm.browser.Journeys.signIn;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
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


/**
 * From an open opportunity to a closed one in the browser (F5–F7, F2): sales1 quotes it, the quote is sent and
 * accepted, the contract is made from it, shipped and paid until nothing is outstanding, and the opportunity shows
 * 关闭.
 */
@CrmIntegrationTest
@ExtendWith(BrowserSupport.class)
class ContractJourneyTests {

    private static final Pattern CONTRACT_PAGE = Pattern.compile(".*/contracts/[0-9a-f-]{36}(#.*)?$");
    private static final Pattern QUOTE_PAGE = Pattern.compile(".*/quotes/[0-9a-f-]{36}(#.*)?$");

    @Autowired
    Api api;

    /** An open opportunity of sales1 and an active product, through the API. */
    private record Setup(String opportunityId, String productId, String productName) {
    }

    private Setup setup() {
        String customerId = TestData.createCustomer(api, "sales1", Map.of("name", "旅程客户" + TestData.unique()))
                .get("id").asString();
        Api.Response opportunity = api.post("/api/v1/opportunities").as("sales1").json(Map.of("customerId",
                customerId, "name", "旅程商机" + TestData.unique(), "amount", "30000.00")).send();
        assertStatus(opportunity, 201);
        String productName = "云存储一体机" + Journeys.chinese(2);
        Map<String, Object> product = new HashMap<>();
        product.put("code", "P-" + TestData.unique());
        product.put("name", productName);
        product.put("unit", "台");
        product.put("listPrice", "12000.00");
        product.put("taxRate", "13");
        product.put("kind", "PRODUCT");
        Api.Response created = api.post("/api/v1/products").as("admin").json(product).send();
        assertStatus(created, 201);
        return new Setup(opportunity.json().get("id").asString(), created.json().get("id").asString(), productName);
    }

    private static void assertStatus(Api.Response response, int status) {
        org.assertj.core.api.Assertions.assertThat(response.status()).as("%s", response).isEqualTo(status);
    }

    @Test
    @DisplayName("F5 F6 F7 F2 sales1 quotes an open opportunity, sends and accepts the quote, makes the contract from it, ships it, records payments until nothing is outstanding and sees the opportunity closed (关闭)")
    void quoteToClosedOpportunity(Browser browser) {
        Setup setup = setup();
        String title = "云存储合同" + Journeys.chinese(3);

        Page page = BrowserSupport.newPage(browser, "zh-CN");
        try {
            signIn(page, api, "sales1");
            page.navigate(api.baseUrl() + "/opportunities/" + setup.opportunityId());
            assertThat(page.getByTestId("opportunity-status")).hasText("执行");

            // F5: a quote with one line, sent and accepted
            page.navigate(api.baseUrl() + "/quotes/new?opportunityId=" + setup.opportunityId());
            page.getByTestId("line-0-product").selectOption(setup.productId());
            page.getByTestId("line-0-quantity").fill("2");
            page.getByTestId("form-submit").click();
            assertThat(page).hasURL(QUOTE_PAGE);
            assertThat(page.getByTestId("quote-line")).hasCount(1);
            assertThat(page.getByTestId("quote-line")).containsText(setup.productName());
            scriptsReady(page);
            page.getByTestId("quote-send").click();
            assertThat(page.getByTestId("quote-accept")).isVisible();
            scriptsReady(page);
            page.getByTestId("quote-accept").click();
            assertThat(page.getByTestId("quote-create-contract")).isVisible();
            String grandTotal = page.getByTestId("quote-grand-total").innerText().replaceAll("[^0-9.]", "");
            BigDecimal total = new BigDecimal(grandTotal);
            BigDecimal first = total.divide(new BigDecimal("3"), 2, RoundingMode.HALF_UP);
            BigDecimal rest = total.subtract(first);
            scriptsReady(page);

            // F6: the contract from the accepted quote
            page.getByTestId("quote-create-contract").click();
            assertThat(page.getByTestId("contract-quote-preview")).isVisible();
            assertThat(page.getByTestId("preview-line")).hasCount(1);
            page.getByTestId("field-title").fill(title);
            page.getByTestId("field-signer").fill("张伟");
            page.getByTestId("form-submit").click();
            assertThat(page).hasURL(CONTRACT_PAGE);
            assertThat(page.getByTestId("flash-success")).isVisible();
            assertThat(page.getByTestId("detail-title")).containsText(title);
            assertThat(page.getByTestId("contract-opportunity-status")).hasText("成功");
            assertThat(page.getByTestId("contract-line")).hasCount(1);
            assertThat(page.getByTestId("contract-amount")).containsText(String.format("%,.2f", total));
            scriptsReady(page);

            page.getByTestId("contract-delivery-select").selectOption("SHIPPED");
            page.getByTestId("contract-delivery-save").click();
            assertThat(page.getByTestId("contract-delivery")).hasText("已发货");
            scriptsReady(page);

            // F7: payments until nothing is outstanding; too much is refused next to the field
            page.getByTestId("tab-payments").click();
            page.getByTestId("field-amount").fill(first.toPlainString());
            page.getByTestId("field-reference").fill("HK-001");
            page.getByTestId("payment-submit").click();
            assertThat(page.getByTestId("contract-payment")).hasCount(1);
            assertThat(page.getByTestId("contract-opportunity-status")).hasText("成功");
            scriptsReady(page);
            assertThat(page.getByTestId("payment-form")).isVisible();
            page.getByTestId("field-amount").fill(rest.add(new BigDecimal("0.01")).toPlainString());
            page.getByTestId("payment-submit").click();
            assertThat(page.getByTestId("error-amount")).isVisible();
            scriptsReady(page);
            assertThat(page.getByTestId("payment-form")).isVisible();
            page.getByTestId("field-amount").fill(rest.toPlainString());
            page.getByTestId("field-method").selectOption("CHEQUE");
            page.getByTestId("payment-submit").click();
            assertThat(page.getByTestId("contract-payment")).hasCount(2);
            scriptsReady(page);

            page.getByTestId("tab-overview").click();
            assertThat(page.getByTestId("contract-outstanding")).hasText("0.00");
            assertThat(page.getByTestId("contract-status")).hasText("已完成");
            assertThat(page.getByTestId("contract-opportunity-status")).hasText("关闭");

            // F2: the opportunity itself shows 关闭
            page.getByTestId("contract-opportunity-link").click();
            assertThat(page.getByTestId("opportunity-status")).hasText("关闭");

            page.navigate(api.baseUrl() + "/contracts?q=" + title);
            assertThat(page.getByTestId("contract-list-row")).hasCount(1);
            assertThat(page.getByTestId("contract-list-row")).containsText("已完成");
        }
        finally {
            page.context().close();
        }
    }
}
