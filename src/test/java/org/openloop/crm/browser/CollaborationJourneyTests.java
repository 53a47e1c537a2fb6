package org.openloop.crm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.openloop.crm.browser.Journeys.rowWith;
import static org.openloop.crm.browser.Journeys.scriptsReady;
import static org.openloop.crm.browser.Journeys.signIn;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

/** A collaboration task from start to satisfaction in the browser (E1–E6). */
@CrmIntegrationTest
@ExtendWith(BrowserSupport.class)
class CollaborationJourneyTests {

    private static final Pattern TASK_PAGE = Pattern.compile(".*/collaboration/[0-9a-f-]{36}(#.*)?$");

    @Autowired
    Api api;

    @Test
    @DisplayName("E1–E6/K1 sales1 asks technical support from the customer page; tech1 sees the notification, accepts, logs and submits; sales1 approves and records satisfaction")
    void askAcceptSubmitApprove(Browser browser) {
        String customer = "协作旅程" + TestData.unique();
        String customerId = TestData.createCustomer(api, "sales1", Map.of("name", customer)).get("id").asString();
        String content = "提供云存储方案对比 " + Journeys.chinese(3);
        String tech1 = DemoOrganization.load(api).user("tech1").id().toString();

        Page sales1 = BrowserSupport.newPage(browser, "en-US");
        String taskUrl;
        try {
            signIn(sales1, api, "sales1");
            sales1.navigate(api.baseUrl() + "/customers/" + customerId);
            sales1.getByTestId("customer-ask-collaboration").click();
            assertThat(sales1.getByTestId("collaboration-customer")).containsText(customer);
            sales1.getByTestId("field-userIds").selectOption(tech1);
            sales1.getByTestId("field-content").fill(content);
            sales1.getByTestId("field-expectedAt").fill(LocalDateTime.now().plusDays(2).withSecond(0).withNano(0)
                    .toString().substring(0, 16));
            sales1.getByTestId("field-priority").selectOption("URGENT");
            sales1.getByTestId("form-submit").click();
            assertThat(sales1).hasURL(TASK_PAGE);
            assertThat(sales1.getByTestId("flash-success")).isVisible();
            assertThat(sales1.getByTestId("collaboration-state")).hasText("Waiting to be accepted");
            assertThat(sales1.getByTestId("collaboration-accept")).hasCount(0);
            taskUrl = sales1.url();
        }
        finally {
            sales1.context().close();
        }

        Page tech = BrowserSupport.newPage(browser, "en-US");
        try {
            signIn(tech, api, "tech1");
            // K1: the bell counts the request; the notification opens the task
            assertThat(tech.getByTestId("notification-count")).isVisible();
            tech.getByTestId("notification-bell").click();
            rowWith(tech, "notification-row", customer).getByTestId("notification-open").click();
            assertThat(tech).hasURL(TASK_PAGE);
            assertThat(tech.getByTestId("collaboration-state")).hasText("Waiting to be accepted");
            tech.getByTestId("collaboration-accept").click();
            assertThat(tech.getByTestId("collaboration-state")).hasText("In progress");
            // the accepted task's page must have finished loading before its log form is used: a click on the
            // form while the page was still settling was lost once in a full run
            scriptsReady(tech);
            tech.getByTestId("collaboration-log-kind").selectOption("PROGRESS");
            tech.getByTestId("collaboration-log-input").fill("已整理三家方案的价格对比");
            tech.getByTestId("collaboration-log-submit").click();
            scriptsReady(tech);
            assertThat(tech.getByTestId("collaboration-log-text")).hasText("已整理三家方案的价格对比");
            tech.getByTestId("collaboration-submit").click();
            assertThat(tech.getByTestId("collaboration-state")).hasText("Waiting for review");
            assertThat(tech.getByTestId("collaboration-approve")).hasCount(0);
        }
        finally {
            tech.context().close();
        }

        Page back = BrowserSupport.newPage(browser, "en-US");
        try {
            signIn(back, api, "sales1");
            back.navigate(taskUrl);
            back.getByTestId("collaboration-approve").click();
            assertThat(back.getByTestId("collaboration-state")).hasText("Done");
            back.getByTestId("collaboration-satisfaction-select").selectOption("VERY_SATISFIED");
            back.getByTestId("collaboration-final-solution-input").fill("客户选定方案二");
            back.getByTestId("collaboration-satisfaction-submit").click();
            assertThat(back.getByTestId("collaboration-satisfaction")).hasText("Very satisfied");
            assertThat(back.getByTestId("collaboration-final-solution")).hasText("客户选定方案二");

            back.navigate(api.baseUrl() + "/customers/" + customerId);
            scriptsReady(back);
            back.getByTestId("tab-collaboration").click();
            assertThat(back.getByTestId("collaboration-panel-row")).containsText("Very satisfied");

            back.navigate(api.baseUrl() + "/collaboration/stats?period=month");
            assertThat(back.getByTestId("stats-person")).containsText("孙涛");
            assertThat(back.locator("[data-testid=stats-chart] canvas").first()).isVisible();
        }
        finally {
            back.context().close();
        }
    }
}
