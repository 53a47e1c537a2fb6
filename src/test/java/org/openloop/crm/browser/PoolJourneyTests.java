package org.openloop.crm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.openloop.crm.browser.Journeys.CUSTOMER_PAGE;
import static org.openloop.crm.browser.Journeys.rowWith;
import static org.openloop.crm.browser.Journeys.scriptsReady;
import static org.openloop.crm.browser.Journeys.signIn;

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
import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Page;

/** The customer pool (公海) in the browser: one rep returns a customer, another claims it (B5). */
@CrmIntegrationTest
@ExtendWith(BrowserSupport.class)
class PoolJourneyTests {

    @Autowired
    Api api;

    @Test
    @DisplayName("B5 sales1 returns a customer to the pool with a reason; sales2 finds it in the pool, claims it and owns it")
    void returnAndClaim(Browser browser) {
        String name = "公海旅程" + TestData.unique();
        String id = TestData.createCustomer(api, "sales1", Map.of("name", name)).get("id").asString();

        Page sales1 = BrowserSupport.newPage(browser, "en-US");
        try {
            signIn(sales1, api, "sales1");
            sales1.navigate(api.baseUrl() + "/customers/" + id);
            sales1.getByTestId("customer-return-reason").fill("暂无跟进计划");
            scriptsReady(sales1);
            sales1.onDialog(Dialog::accept);
            sales1.getByTestId("customer-return-submit").click();
            assertThat(sales1.getByTestId("customer-pooled")).isVisible();
            assertThat(sales1.getByTestId("customer-pool-reason")).hasText("暂无跟进计划");
        }
        finally {
            sales1.context().close();
        }

        Page sales2 = BrowserSupport.newPage(browser, "en-US");
        try {
            signIn(sales2, api, "sales2");
            sales2.getByTestId("nav-pool").click();
            assertThat(sales2).hasURL(Pattern.compile(".*/customers/pool$"));
            sales2.getByTestId("filter-q").fill(name);
            sales2.getByTestId("filter-submit").click();
            assertThat(sales2.getByTestId("pool-row")).hasCount(1);
            assertThat(rowWith(sales2, "pool-row", name)).containsText("暂无跟进计划");
            sales2.getByTestId("pool-link").click();

            assertThat(sales2).hasURL(CUSTOMER_PAGE);
            sales2.getByTestId("customer-claim").click();
            assertThat(sales2).hasURL(CUSTOMER_PAGE);
            assertThat(sales2.getByTestId("flash-success")).containsText(name);
            assertThat(sales2.getByTestId("customer-owner")).hasText("赵强");
            assertThat(sales2.getByTestId("customer-pooled")).not().isVisible();
            assertThat(sales2.getByTestId("customer-edit")).isVisible();
        }
        finally {
            sales2.context().close();
        }
    }
}
