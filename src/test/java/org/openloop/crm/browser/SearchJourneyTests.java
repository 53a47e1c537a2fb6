package org.openloop.crm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
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

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The global search box in the navbar (K2). */
@CrmIntegrationTest
@ExtendWith(BrowserSupport.class)
class SearchJourneyTests {

    @Autowired
    Api api;

    @Test
    @DisplayName("K2 two Chinese characters of a customer's name typed into the navbar search box find the customer")
    void navbarSearchFindsCustomer(Page page) {
        String term = Journeys.chinese(2);
        String name = "检索" + term + "科技" + TestData.unique();
        String id = TestData.createCustomer(api, "sales1", Map.of("name", name)).get("id").asString();
        signIn(page, api, "sales1");

        page.getByTestId("global-search").fill(term);
        page.getByTestId("global-search").press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/search\\?q=.+"));
        assertThat(page.getByTestId("search-page-q")).hasValue(term);
        assertThat(page.getByTestId("search-group-customer")).isVisible();
        var link = page.getByTestId("search-hit-link").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(link).hasAttribute("href", "/customers/" + id);

        link.click();
        assertThat(page).hasURL(Pattern.compile(".*/customers/" + id + "$"));
        assertThat(page.getByTestId("detail-title")).hasText(name);
    }
}
