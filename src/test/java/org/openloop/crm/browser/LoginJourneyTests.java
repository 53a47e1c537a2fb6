package org.openloop.crm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
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

/** Signing in through the real login page in Chromium (K4, K5). */
@CrmIntegrationTest
@ExtendWith(BrowserSupport.class)
class LoginJourneyTests {

    @Autowired
    Api api;

    @Test
    @DisplayName("K5 admin signs in through the login page and sees the home page")
    void adminSignsIn(Page page) {
        page.navigate(api.baseUrl() + "/");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        page.locator("#username").fill("admin");
        page.locator("#password").fill(Api.DEMO_PASSWORD);
        page.getByTestId("login-submit").click();
        assertThat(page).hasURL(Pattern.compile("^http://localhost:[0-9]+/(\\?continue)?$"));
        assertThat(page.getByTestId("home-heading")).hasText("Welcome, 系统管理员");
        assertThat(page.getByTestId("navbar")).isVisible();
        assertThat(page.getByTestId("user-menu")).isVisible();
    }

    @Test
    @DisplayName("K4/K5 a wrong password shows the error in the browser's language (English, 简体中文)")
    void wrongPasswordShowsLocalisedError(Browser browser) {
        var user = TestData.createUser(api, null, List.of(TestData.roleId(api, "SALES_REP")));
        for (String[] language : new String[][] { { "en-US", "Wrong username or password." },
                { "zh-CN", "用户名或密码错误。" } }) {
            Page page = BrowserSupport.newPage(browser, language[0]);
            try {
                page.navigate(api.baseUrl() + "/login");
                page.locator("#username").fill(user.username());
                page.locator("#password").fill("not-the-password");
                page.getByTestId("login-submit").click();
                assertThat(page).hasURL(Pattern.compile(".*/login\\?error=bad$"));
                assertThat(page.getByTestId("login-error")).hasText(language[1]);
            }
            finally {
                page.context().close();
            }
        }
    }
}
