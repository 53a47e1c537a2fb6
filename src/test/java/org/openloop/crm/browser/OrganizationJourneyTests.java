package org.openloop.crm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openloop.crm.browser.Journeys.rowWith;
import static org.openloop.crm.browser.Journeys.scriptsReady;
import static org.openloop.crm.browser.Journeys.signIn;

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
import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import tools.jackson.databind.JsonNode;

/** Users, roles and one's own profile in the browser (A1, A2, K5). */
@CrmIntegrationTest
@ExtendWith(BrowserSupport.class)
class OrganizationJourneyTests {

    static final Pattern LOGIN_PAGE = Pattern.compile(".*/login(\\?.*)?$");

    @Autowired
    Api api;

    @Test
    @DisplayName("A1/A2 admin creates a sales rep in a department through the form; the rep signs in, sees Customers but not the Audit trail, and is shut out once deactivated")
    void createSignInDeactivate(Browser browser) {
        String username = "j" + TestData.unique();
        String password = "Journey-pass-" + TestData.unique();
        String salesRep = TestData.roleId(api, "SALES_REP").toString();
        String team = departmentId("销售一组");

        Page admin = BrowserSupport.newPage(browser, "en-US");
        Page rep = BrowserSupport.newPage(browser, "en-US");
        try {
            signIn(admin, api, "admin");
            admin.getByTestId("nav-organization").click();
            admin.getByTestId("navbar").getByText("Users", new Locator.GetByTextOptions().setExact(true)).click();
            admin.getByTestId("user-new").click();
            admin.getByTestId("field-username").fill(username);
            admin.getByTestId("field-displayName").fill("旅程 " + username);
            admin.getByTestId("field-departmentId").selectOption(team);
            admin.getByTestId("field-roleIds-" + salesRep).check();
            admin.getByTestId("field-password").fill(password);
            admin.getByTestId("form-submit").click();
            assertThat(admin).hasURL(Pattern.compile(".*/organization/users/[0-9a-f-]{36}$"));
            assertThat(admin.getByTestId("flash-success")).containsText(username);
            assertThat(admin.getByTestId("user-department")).hasText("销售一组");
            assertThat(admin.getByTestId("user-roles")).containsText("销售代表");

            // a fresh browser context: no cookies shared with the administrator
            signIn(rep, api, username, password);
            assertThat(rep.getByTestId("home-heading")).hasText("Welcome, 旅程 " + username);
            assertThat(rep.getByTestId("nav-customers")).isVisible();
            assertThat(rep.getByTestId("nav-audit")).hasCount(0);
            rep.getByTestId("nav-customers").click();
            assertThat(rep).hasURL(Pattern.compile(".*/customers$"));

            scriptsReady(admin);
            admin.onDialog(Dialog::accept);
            admin.getByTestId("user-deactivate").click();
            assertThat(admin.getByTestId("user-status")).hasText("Deactivated");

            // the rep's very next page load ends the session
            rep.reload();
            assertThat(rep).hasURL(LOGIN_PAGE);
            assertThat(rep.getByTestId("user-menu")).hasCount(0);
            rep.locator("#username").fill(username);
            rep.locator("#password").fill(password);
            rep.getByTestId("login-submit").click();
            assertThat(rep).hasURL(LOGIN_PAGE);
            assertThat(rep.getByTestId("login-error")).isVisible();
        }
        finally {
            admin.context().close();
            rep.context().close();
        }
    }

    @Test
    @DisplayName("K5 a user changes their own password on the profile page and signs in with the new one")
    void changeOwnPassword(Page page) {
        var user = TestData.createUser(api, null, List.of(TestData.roleId(api, "SALES_REP")));
        String newPassword = "Changed-pass-" + TestData.unique();
        signIn(page, api, user.username(), user.password());
        page.getByTestId("user-menu").click();
        page.getByTestId("navbar").getByText("My profile").click();
        assertThat(page.getByTestId("profile-username")).hasText(user.username());

        page.getByTestId("field-currentPassword").fill(user.password());
        page.getByTestId("field-newPassword").fill(newPassword);
        page.getByTestId("field-repeatPassword").fill(newPassword);
        page.getByTestId("password-submit").click();
        assertThat(page.getByTestId("flash-success")).hasText("Your password was changed.");
        scriptsReady(page);

        page.getByTestId("user-menu").click();
        page.getByTestId("logout").click();
        assertThat(page).hasURL(LOGIN_PAGE);
        page.locator("#username").fill(user.username());
        page.locator("#password").fill(user.password());
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("login-error")).hasText("Wrong username or password.");
        signIn(page, api, user.username(), newPassword);
        assertThat(page.getByTestId("home-heading")).containsText(user.username());
    }

    @Test
    @DisplayName("K3/K5 a user creates an API token on the profile page, sees it once, uses it, and revokes it")
    void createAndRevokeToken(Page page) {
        var user = TestData.createUser(api, null, List.of(TestData.roleId(api, "SALES_REP")));
        String name = "报表脚本 " + TestData.unique();
        signIn(page, api, user.username(), user.password());
        page.navigate(api.baseUrl() + "/profile");

        page.getByTestId("token-form").getByTestId("field-name").fill(name);
        page.getByTestId("token-create").click();
        assertThat(page.getByTestId("token-created")).isVisible();
        assertThat(page.getByTestId("token-secret")).hasText(Pattern.compile("^olc_\\S+$"));
        String token = page.getByTestId("token-secret").textContent().trim();
        assertThat(rowWith(page, "token-row", name)).containsText("Active");
        assertThat(api.get("/api/v1/customers").bearer(token).send().status()).isEqualTo(200);

        // shown once: the next visit lists the token without its secret
        page.reload();
        assertThat(rowWith(page, "token-row", name)).isVisible();
        assertThat(page.getByTestId("token-created")).hasCount(0);
        assertThat(page.locator("body")).not().containsText(token);

        scriptsReady(page);
        page.onDialog(Dialog::accept);
        rowWith(page, "token-row", name).getByTestId("token-revoke").click();
        assertThat(rowWith(page, "token-row", name)).containsText("Revoked");
        assertThat(rowWith(page, "token-row", name).getByTestId("token-revoke")).hasCount(0);
        assertThat(api.get("/api/v1/customers").bearer(token).send().status()).isEqualTo(401);
    }

    private String departmentId(String name) {
        for (JsonNode department : api.get("/api/v1/departments").as("admin").send().json()) {
            if (department.get("name").asString().equals(name)) {
                return department.get("id").asString();
            }
        }
        throw new IllegalArgumentException("no department " + name);
    }
}
