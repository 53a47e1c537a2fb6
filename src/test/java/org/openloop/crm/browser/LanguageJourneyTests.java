package org.openloop.crm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.openloop.crm.browser.Journeys.scriptsReady;
import static org.openloop.crm.browser.Journeys.signIn;

import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;

/** Switching the interface language from the navbar (K4). */
@CrmIntegrationTest
@ExtendWith(BrowserSupport.class)
class LanguageJourneyTests {

    @Autowired
    Api api;

    @Test
    @DisplayName("K4 the navbar language menu switches between English and 简体中文, and the choice sticks on the next pages")
    void switchLanguage(Page page) {
        signIn(page, api, "sales1");
        page.getByTestId("nav-customers").click();
        assertThat(page.locator("h1")).hasText("Customers");
        assertThat(page.getByTestId("language-menu")).hasText("English");

        scriptsReady(page);
        page.getByTestId("language-menu").click();
        page.getByTestId("lang-zh").click();
        // the same page, now in Chinese
        assertThat(page).hasURL(Pattern.compile(".*/customers(\\?lang=zh-CN)?$"));
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        assertThat(page.locator("h1")).hasText("客户");
        assertThat(page.getByTestId("language-menu")).hasText("简体中文");
        assertThat(page.getByTestId("customer-new")).hasText("新建客户");

        // remembered: the next pages stay Chinese though the browser asks for English
        page.getByTestId("nav-pool").click();
        assertThat(page).hasURL(Pattern.compile(".*/customers/pool$"));
        assertThat(page.locator("h1")).hasText("公海客户");
        page.navigate(api.baseUrl() + "/");
        assertThat(page.getByTestId("home-heading")).hasText(Pattern.compile("^欢迎，"));
        scriptsReady(page);

        page.getByTestId("language-menu").click();
        page.getByTestId("lang-en").click();
        assertThat(page.getByTestId("home-heading")).hasText(Pattern.compile("^Welcome, "));
        page.getByTestId("nav-pool").click();
        assertThat(page.locator("h1")).hasText("Customer pool");
        assertThat(page.getByTestId("language-menu")).hasText("English");
    }
}
