package org.openloop.crm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.openloop.crm.browser.Journeys.CUSTOMER_PAGE;
import static org.openloop.crm.browser.Journeys.rowWith;
import static org.openloop.crm.browser.Journeys.scriptsReady;
import static org.openloop.crm.browser.Journeys.signIn;

import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;

import tools.jackson.databind.JsonNode;

/** An administrator adds a custom field; a sales rep fills it, sees it on the customer and filters by it (B11). */
@CrmIntegrationTest
@ExtendWith(BrowserSupport.class)
class CustomFieldJourneyTests {

    @Autowired
    Api api;

    @Test
    @DisplayName("B11 admin defines a select field; sales1 fills it on the form, sees it on the detail page and filters the list by it")
    void defineFillFilter(Page page) {
        String marker = TestData.unique();
        String key = "journey_stage_" + marker.toLowerCase();
        String name = "字段旅程" + marker;
        try {
            signIn(page, api, "admin");
            page.getByTestId("nav-organization").click();
            page.getByTestId("nav-custom-fields").click();
            assertThat(page).hasURL(Pattern.compile(".*/settings/custom-fields$"));
            assertThat(page.getByTestId("custom-field-type-customer")).hasClass(Pattern.compile("\\bactive\\b"));
            page.getByTestId("custom-field-new").click();
            page.getByTestId("field-labelZh").fill("旅程阶段" + marker);
            page.getByTestId("field-labelEn").fill("Journey stage " + marker);
            page.getByTestId("field-type").selectOption("SINGLE_SELECT");
            page.getByTestId("field-options").fill("visit|拜访|Visit\noffer|报价|Offer");
            page.getByTestId("field-shownInList").check();
            page.getByTestId("field-filterable").check();
            page.getByTestId("form-submit").click();
            assertThat(page.getByTestId("flash-success")).containsText("Journey stage " + marker);
            assertThat(rowWith(page, "custom-field-row", "旅程阶段" + marker).getByTestId("custom-field-key"))
                    .hasText(key);

            page.context().clearCookies();
            signIn(page, api, "sales1");
            page.getByTestId("nav-customers").click();
            page.getByTestId("customer-new").click();
            page.getByTestId("field-name").fill(name);
            page.getByTestId("cf-" + key).selectOption("offer");
            page.getByTestId("form-submit").click();
            assertThat(page).hasURL(CUSTOMER_PAGE);
            assertThat(page.getByTestId("cf-value-" + key)).hasText("Offer");

            page.getByTestId("nav-customers").click();
            scriptsReady(page);
            page.getByTestId("filter-q").fill(marker);
            page.getByTestId("filter-cf-" + key).selectOption("visit");
            page.getByTestId("filter-submit").click();
            assertThat(page).hasURL(Pattern.compile(".*cf\\." + key + "=visit.*"));
            assertThat(rowWith(page, "customer-row", name)).hasCount(0);

            page.getByTestId("filter-cf-" + key).selectOption("offer");
            page.getByTestId("filter-submit").click();
            assertThat(page).hasURL(Pattern.compile(".*cf\\." + key + "=offer.*"));
            assertThat(rowWith(page, "customer-row", name)).hasCount(1);
            assertThat(rowWith(page, "customer-row", name).getByTestId("cf-cell-" + key)).hasText("Offer");
        }
        finally {
            for (JsonNode field : api.get("/api/v1/custom-fields?recordType=customer").as("admin").send().json()) {
                if (field.get("key").asString().equals(key)) {
                    api.post("/api/v1/custom-fields/" + field.get("id").asString() + "/deactivate").as("admin").send();
                }
            }
        }
    }
}
