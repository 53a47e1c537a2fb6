package org.openloop.crm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.openloop.crm.browser.Journeys.rowWith;
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
import com.microsoft.playwright.Page;

/** The public web-to-lead form in a real browser (J2): a visitor signs up, the campaign's owner sees the lead. */
@CrmIntegrationTest
@ExtendWith(BrowserSupport.class)
class MarketingJourneyTests {

    @Autowired
    Api api;

    @Test
    @DisplayName("J1/J2 a visitor fills the public form without signing in; the campaign owner sees the lead and the count on the campaign page")
    void visitorBecomesLead(Browser browser) {
        String campaignName = "旅程活动" + TestData.unique();
        Api.Response created = api.post("/api/v1/campaigns").as("manager")
                .json(Map.of("name", campaignName, "type", "EXHIBITION")).send();
        String id = created.json().get("id").asString();
        String token = api.post("/api/v1/campaigns/" + id + "/form").as("manager").json(Map.of("enabled", true))
                .send().json().get("formToken").asString();
        String company = "旅程访客" + Journeys.chinese(3) + TestData.unique();

        Page visitor = BrowserSupport.newPage(browser, "zh-CN");
        try {
            visitor.navigate(api.baseUrl() + "/public/forms/" + token);
            assertThat(visitor.getByTestId("public-form-title")).hasText(campaignName);
            assertThat(visitor.getByTestId("navbar")).hasCount(0);
            // the honeypot is out of sight for people
            assertThat(visitor.locator("#website")).not().isInViewport();
            visitor.getByTestId("field-companyName").fill(company);
            visitor.getByTestId("field-contactName").fill("钱女士");
            visitor.getByTestId("field-mobile").fill(TestData.uniqueMobile());
            visitor.getByTestId("field-message").fill("想预约展会现场演示");
            visitor.getByTestId("field-consent").check();
            visitor.getByTestId("public-submit").click();
            assertThat(visitor.getByTestId("public-thanks")).containsText(campaignName);
        }
        finally {
            visitor.context().close();
        }

        Page owner = BrowserSupport.newPage(browser, "en-US");
        try {
            signIn(owner, api, "manager");
            owner.navigate(api.baseUrl() + "/campaigns/" + id);
            assertThat(owner.getByTestId("figure-leads")).hasText("1");
            assertThat(owner.getByTestId("campaign-form-state")).hasText("On");
            owner.getByTestId("tab-leads").click();
            assertThat(rowWith(owner, "lead-row", company)).containsText("钱女士");
            assertThat(rowWith(owner, "lead-row", company)).containsText("想预约展会现场演示");
            rowWith(owner, "lead-row", company).getByTestId("lead-customer-name").click();
            assertThat(owner.getByTestId("detail-title")).containsText(company);
        }
        finally {
            owner.context().close();
        }
    }
}
