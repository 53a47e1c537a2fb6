package org.openloop.crm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.openloop.crm.testkit.Api;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;

/** Steps that many browser journeys share: signing in through the login page, unique Chinese names. */
final class Journeys {

    /** The detail page of a record: {@code /customers/<uuid>} and the like, without a query or fragment. */
    static final Pattern CUSTOMER_PAGE = Pattern.compile(".*/customers/[0-9a-f-]{36}(#.*)?$");

    private Journeys() {
    }

    /** Signs in through the login form and waits for the signed-in navbar. */
    static void signIn(Page page, Api api, String username, String password) {
        page.navigate(api.baseUrl() + "/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("user-menu")).isVisible();
        scriptsReady(page);
    }

    /** Signs in as a demo user. */
    static void signIn(Page page, Api api, String username) {
        signIn(page, api, username, Api.DEMO_PASSWORD);
    }

    /**
     * Waits until the current page's deferred scripts (Bootstrap, htmx, app.js) have run: a click that navigates
     * returns once the new page starts loading, and dropdowns, tabs, confirmations and auto-submitting filters only
     * work after that.
     */
    static void scriptsReady(Page page) {
        page.waitForLoadState(LoadState.DOMCONTENTLOADED);
    }

    /** {@code count} random CJK characters: two of them make a search term no other test data shares. */
    static String chinese(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ThreadLocalRandom.current().nextInt(0x4E00, 0x9FA5));
        }
        return text.toString();
    }

    /** The row of a table that contains {@code text}. */
    static Locator rowWith(Page page, String testId, String text) {
        return page.getByTestId(testId).filter(new Locator.FilterOptions().setHasText(text));
    }
}
