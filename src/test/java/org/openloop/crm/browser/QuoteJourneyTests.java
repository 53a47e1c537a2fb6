package org.openloop.crm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.openloop.crm.browser.Journeys.scriptsReady;
import static org.openloop.crm.browser.Journeys.signIn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A quote in the browser (F5): sales1 opens a customer's opportunity, writes a quote with two lines while the form
 * previews the amounts, saves it and finds the same amounts on the quote page, submits the discount for approval,
 * the sales manager approves it, and sales1 downloads the sent quote as PDF.
 */
@CrmIntegrationTest
@ExtendWith(BrowserSupport.class)
class QuoteJourneyTests {

    private static final Pattern OPPORTUNITY_PAGE = Pattern.compile(".*/opportunities/[0-9a-f-]{36}(#.*)?$");
    private static final Pattern QUOTE_FORM = Pattern.compile(".*/quotes/new\\?opportunityId=[0-9a-f-]{36}$");
    private static final Pattern QUOTE_PAGE = Pattern.compile(".*/quotes/[0-9a-f-]{36}(#.*)?$");

    @Autowired
    Api api;

    /** A customer of sales1 with an open opportunity, and two active products, through the API. */
    private record Setup(String customerId, String opportunityName, String serverId, String supportId) {
    }

    private Setup setup() {
        String customerId = TestData.createCustomer(api, "sales1", Map.of("name", "报价旅程客户" + TestData.unique()))
                .get("id").asString();
        String opportunityName = "报价旅程商机" + TestData.unique();
        Api.Response opportunity = api.post("/api/v1/opportunities").as("sales1").json(Map.of("customerId",
                customerId, "name", opportunityName, "amount", "40000.00")).send();
        assertStatus(opportunity, 201);
        return new Setup(customerId, opportunityName, product("服务器" + Journeys.chinese(2), "12000.00", "13"),
                product("维保服务" + Journeys.chinese(2), "2500.00", "6"));
    }

    private String product(String name, String listPrice, String taxRate) {
        Map<String, Object> product = new HashMap<>();
        product.put("code", "P-" + TestData.unique());
        product.put("name", name);
        product.put("unit", "台");
        product.put("listPrice", listPrice);
        product.put("taxRate", taxRate);
        product.put("kind", "PRODUCT");
        Api.Response created = api.post("/api/v1/products").as("admin").json(product).send();
        assertStatus(created, 201);
        return created.json().get("id").asString();
    }

    private static void assertStatus(Api.Response response, int status) {
        org.assertj.core.api.Assertions.assertThat(response.status()).as("%s", response).isEqualTo(status);
    }

    /** The status badge in the page header (the versions tab shows one per version). */
    private static Locator status(Page page) {
        return page.getByTestId("quote-status").first();
    }

    private static void assertTotals(Page page, String net, String tax, String grand) {
        assertThat(page.getByTestId("quote-form-net")).hasText(net);
        assertThat(page.getByTestId("quote-form-tax")).hasText(tax);
        assertThat(page.getByTestId("quote-form-grand-total")).hasText(grand);
    }

    @Test
    @DisplayName("F5 sales1 writes a two-line quote on a customer's opportunity, sees the totals follow quantity and discount as typed, finds the same amounts once saved, has the discount approved by the manager and downloads the sent quote as PDF")
    void quoteWithLiveTotalsApprovalAndPdf(Page page, Browser browser) throws Exception {
        Setup setup = setup();

        // the customer's opportunity, and a new quote from its quotes tab
        signIn(page, api, "sales1");
        page.navigate(api.baseUrl() + "/customers/" + setup.customerId());
        scriptsReady(page);
        page.getByTestId("tab-opportunities").click();
        Journeys.rowWith(page, "opportunity-panel-row", setup.opportunityName()).getByRole(AriaRole.LINK)
                .first().click();
        assertThat(page).hasURL(OPPORTUNITY_PAGE);
        scriptsReady(page);
        page.getByTestId("tab-quotes").click();
        page.getByTestId("quote-panel-new").click();
        assertThat(page).hasURL(QUOTE_FORM);
        scriptsReady(page);
        assertTotals(page, "0.00", "0.00", "CNY 0.00");

        // line 1 takes price and tax rate from the product; line 2 has its own price and the product's tax rate
        page.getByTestId("line-0-product").selectOption(setup.serverId());
        page.getByTestId("line-0-quantity").fill("2");
        assertThat(page.getByTestId("line-0-net")).hasText("24,000.00");
        assertTotals(page, "24,000.00", "3,120.00", "CNY 27,120.00");
        page.getByTestId("line-1-product").selectOption(setup.supportId());
        page.getByTestId("line-1-quantity").fill("3");
        page.getByTestId("line-1-unitPrice").fill("1999.99");
        assertThat(page.getByTestId("line-1-net")).hasText("5,999.97");
        // 5,999.97 × 6 % = 359.9982, rounded to the cent per line
        assertTotals(page, "29,999.97", "3,480.00", "CNY 33,479.97");

        // changing a quantity and a discount moves the totals at once
        page.getByTestId("line-0-quantity").fill("2.5");
        assertThat(page.getByTestId("line-0-net")).hasText("30,000.00");
        assertTotals(page, "35,999.97", "4,260.00", "CNY 40,259.97");
        page.getByTestId("line-1-discount").fill("12.5");
        // 5,999.97 × 87.5 % = 5,249.97375 → 5,249.97; tax 314.9982 → 315.00
        assertThat(page.getByTestId("line-1-net")).hasText("5,249.97");
        assertTotals(page, "35,249.97", "4,215.00", "CNY 39,464.97");

        // saved: the server's amounts are the ones the form showed
        page.getByTestId("form-submit").click();
        assertThat(page).hasURL(QUOTE_PAGE);
        String quoteUrl = page.url();
        assertThat(page.getByTestId("quote-line")).hasCount(2);
        assertThat(page.getByTestId("quote-totals")).containsText("35,249.97");
        assertThat(page.getByTestId("quote-totals")).containsText("4,215.00");
        assertThat(page.getByTestId("quote-grand-total")).hasText("CNY 39,464.97");
        assertThat(page.getByTestId("quote-needs-approval")).isVisible();
        assertThat(status(page)).hasText("Draft");

        // a 12.5 % discount is above the approval threshold: submitted for approval
        scriptsReady(page);
        page.getByTestId("quote-send").click();
        assertThat(status(page)).hasText("Awaiting approval");
        assertThat(page.getByTestId("quote-send")).hasCount(0);

        // the sales manager approves, which sends the quote
        Page manager = BrowserSupport.newPage(browser, "en-US");
        try {
            signIn(manager, api, "manager");
            manager.navigate(quoteUrl);
            scriptsReady(manager);
            manager.getByTestId("quote-approve").click();
            assertThat(status(manager)).hasText("Sent");
            assertThat(manager.getByTestId("quote-approved")).isVisible();
        }
        finally {
            manager.context().close();
        }

        // sales1 sees it sent and downloads the PDF
        page.navigate(quoteUrl);
        assertThat(status(page)).hasText("Sent");
        assertThat(page.getByTestId("quote-grand-total")).hasText("CNY 39,464.97");
        scriptsReady(page);
        Download download = page.waitForDownload(() -> page.getByTestId("quote-pdf").click());
        org.assertj.core.api.Assertions.assertThat(download.failure()).isNull();
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).endsWith(".pdf");
        byte[] content = Files.readAllBytes(download.path());
        org.assertj.core.api.Assertions.assertThat(new String(content, 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
    }
}
