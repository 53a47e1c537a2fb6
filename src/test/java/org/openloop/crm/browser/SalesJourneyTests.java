package org.openloop.crm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.openloop.crm.browser.Journeys.scriptsReady;
import static org.openloop.crm.browser.Journeys.signIn;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

/** A rep works the pipeline board (F3): drags an opportunity to the next stage and finds it there after reloading. */
@CrmIntegrationTest
@ExtendWith(BrowserSupport.class)
class SalesJourneyTests {

    @Autowired
    Api api;

    @Test
    @DisplayName("F3 sales1 drags an opportunity from 初步接洽 to 需求确认 on the board; it stays there after a reload")
    void dragToNextStage(Browser browser) {
        String customerId = TestData.createCustomer(api, "sales1", Map.of("name", "看板客户" + TestData.unique()))
                .get("id").asString();
        // a close month of its own keeps the board to this one card, whatever other tests left on it
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        String month = String.format("%d-%02d", 2090 + random.nextInt(10), 1 + random.nextInt(12));
        Api.Response created = api.post("/api/v1/opportunities").as("sales1")
                .json(Map.of("customerId", customerId, "name", "看板商机" + TestData.unique(), "amount", "50000",
                        "expectedCloseDate", month + "-15"))
                .send();
        String id = created.json().get("id").asString();
        String number = created.json().get("number").asString();

        Page page = BrowserSupport.newPage(browser, "zh-CN");
        try {
            signIn(page, api, "sales1");
            page.navigate(api.baseUrl() + "/opportunities/board?closeMonth=" + month);
            scriptsReady(page);
            page.waitForFunction("typeof Sortable !== 'undefined'");
            Locator card = page.getByTestId("board-card-" + number);
            assertThat(page.getByTestId("board-column-初步接洽").getByTestId("board-card-" + number)).isVisible();
            Locator target = page.getByTestId("board-column-需求确认").locator("[data-board-list]");
            card.scrollIntoViewIfNeeded();
            BoundingBox from = card.boundingBox();
            BoundingBox to = target.boundingBox();
            // a mark on this page's window: the board's own reload after the move replaces the window and drops it
            page.evaluate("() => { window.boardBeforeMove = true; }");
            page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
            page.mouse().down();
            page.mouse().move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
            page.mouse().move(to.x + to.width / 2, to.y + 20, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(20));
            page.mouse().up();
            long deadline = System.currentTimeMillis() + 20_000;
            while (!"需求确认".equals(stageOf(id))) {
                org.assertj.core.api.Assertions.assertThat(System.currentTimeMillis()).as("the move is stored")
                        .isLessThan(deadline);
                page.waitForTimeout(100);
            }
            // the board reloads itself after a move: wait for that reload, then load it once more by hand
            page.waitForFunction("() => window.boardBeforeMove === undefined");
            page.waitForLoadState();
            page.navigate(api.baseUrl() + "/opportunities/board?closeMonth=" + month);
            scriptsReady(page);
            assertThat(page.getByTestId("board-column-需求确认").getByTestId("board-card-" + number)).isVisible();
            assertThat(page.getByTestId("board-column-初步接洽").getByTestId("board-card-" + number)).hasCount(0);
        }
        finally {
            page.context().close();
        }
    }

    @Test
    @DisplayName("F1/K2 sales1 opens a new opportunity, finds its customer by typing part of the name in the customer "
            + "select, and saves it for that customer")
    void pickCustomerByTyping(Browser browser) {
        String marker = TestData.unique();
        var customer = TestData.createCustomer(api, "sales1", Map.of("name", "键入查找客户" + marker));
        String customerId = customer.get("id").asString();
        String name = "键入商机" + marker;

        Page page = BrowserSupport.newPage(browser, "zh-CN");
        try {
            signIn(page, api, "sales1");
            page.navigate(api.baseUrl() + "/opportunities/new");
            scriptsReady(page);
            page.getByTestId("customer-search-customerId").fill("查找客户" + marker);
            // the select now holds the empty choice and the one match
            assertThat(page.getByTestId("field-customerId").locator("option")).hasCount(2);
            page.getByTestId("field-customerId").selectOption(customerId);
            page.getByTestId("field-name").fill(name);
            page.getByTestId("field-amount").fill("12000");
            page.getByTestId("form-submit").click();
            page.waitForURL(url -> url.matches(".*/opportunities/[0-9a-f-]{36}([?#].*)?"));
            assertThat(page.locator("body")).containsText(name);
            assertThat(page.locator("body")).containsText("键入查找客户" + marker);
        }
        finally {
            page.context().close();
        }
    }

    private String stageOf(String id) {
        return api.get("/api/v1/opportunities/" + id).as("sales1").send().json().get("stageName").asString();
    }
}
