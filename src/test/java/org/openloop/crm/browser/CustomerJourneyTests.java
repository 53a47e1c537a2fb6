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

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

/** A sales rep's day with customers in the browser: create, contacts, edit and history, tags, archive (B1–B3, B7). */
@CrmIntegrationTest
@ExtendWith(BrowserSupport.class)
class CustomerJourneyTests {

    @Autowired
    Api api;

    @Test
    @DisplayName("B1/B2/A6/C2 sales1 creates a customer through the form (bad phone first), adds a contact, edits it and sees the change in the history and the creation on the timeline")
    void createContactEditHistory(Page page) {
        String name = "旅程客户" + TestData.unique();
        String phone = TestData.uniqueMobile();
        String email = "buyer-" + TestData.unique() + "@example.com";
        signIn(page, api, "sales1");
        page.getByTestId("nav-customers").click();
        assertThat(page).hasURL(Pattern.compile(".*/customers$"));
        page.getByTestId("customer-new").click();

        page.getByTestId("field-name").fill(name);
        page.getByTestId("field-type").selectOption("POTENTIAL");
        page.getByTestId("field-level").selectOption("KEY");
        page.getByTestId("field-phone").fill("12345");
        page.getByTestId("field-email").fill(email);
        page.getByTestId("form-submit").click();

        // B2: the phone format is checked, the message sits next to the field, the other input is kept
        assertThat(page.getByTestId("error-phone")).containsText("Enter a mainland mobile");
        assertThat(page.getByTestId("field-phone")).hasClass(Pattern.compile("\\bis-invalid\\b"));
        assertThat(page.getByTestId("field-name")).hasValue(name);
        assertThat(page.getByTestId("field-level")).hasValue("KEY");

        page.getByTestId("field-phone").fill(phone);
        page.getByTestId("form-submit").click();
        assertThat(page).hasURL(CUSTOMER_PAGE);
        assertThat(page.getByTestId("flash-success")).containsText(name);
        assertThat(page.getByTestId("detail-title")).hasText(name);
        assertThat(page.getByTestId("customer-number")).hasText(Pattern.compile("^KH\\d+$"));
        assertThat(page.getByTestId("customer-phone")).hasText(phone);
        assertThat(page.getByTestId("customer-email")).hasText(email);

        // B2: a contact from the contacts tab; saving comes back to that tab
        scriptsReady(page);
        page.getByTestId("tab-contacts").click();
        page.getByTestId("contact-new").click();
        page.getByTestId("field-name").fill("王经理");
        page.getByTestId("field-title").fill("采购经理");
        page.getByTestId("field-mobile").fill("13900001111");
        page.getByTestId("form-submit").click();
        assertThat(page).hasURL(CUSTOMER_PAGE);
        assertThat(rowWith(page, "contact-row", "王经理")).isVisible();
        assertThat(rowWith(page, "contact-row", "王经理").getByTestId("contact-mobile")).hasText("13900001111");

        // edit, then the history tab shows field, old and new value (A6)
        page.getByTestId("customer-edit").click();
        assertThat(page.getByTestId("field-name")).hasValue(name);
        page.getByTestId("field-industry").fill("智能制造");
        page.getByTestId("form-submit").click();
        assertThat(page).hasURL(CUSTOMER_PAGE);
        assertThat(page.getByTestId("customer-overview")).containsText("智能制造");
        scriptsReady(page);
        page.getByTestId("tab-history").click();
        assertThat(rowWith(page, "history-row", "智能制造")).containsText("Industry");

        // C2: the timeline holds the milestones, not every field edit
        page.getByTestId("tab-timeline").click();
        assertThat(page.getByTestId("timeline-entry").first()).containsText("Customer created");
        assertThat(page.getByTestId("timeline")).not().containsText("智能制造");
    }

    @Test
    @DisplayName("B6 the customer form warns about a customer with the same name written differently and saves only once confirmed")
    void duplicateWarning(Page page) {
        String marker = TestData.unique();
        TestData.createCustomer(api, "sales1", Map.of("name", "查重旅程" + marker + "有限公司"));
        signIn(page, api, "sales1");
        page.navigate(api.baseUrl() + "/customers/new");

        // full-width brackets and no suffix: the same company once normalised (B6)
        page.getByTestId("field-name").fill("查重旅程" + marker + "（北京）公司");
        page.getByTestId("form-submit").click();
        assertThat(page.getByTestId("duplicate-warning")).isVisible();
        assertThat(page.getByTestId("duplicate-match")).containsText("查重旅程" + marker + "有限公司");
        assertThat(page).hasURL(Pattern.compile(".*/customers(/new)?$"));

        page.getByTestId("confirm-duplicates").check();
        page.getByTestId("form-submit").click();
        assertThat(page).hasURL(CUSTOMER_PAGE);
        assertThat(page.getByTestId("detail-title")).hasText("查重旅程" + marker + "（北京）公司");
    }

    @Test
    @DisplayName("B1 sales1 saves a filtered customer list as a view and opens it again from the Views menu")
    void savedView(Page page) {
        String view = "重点视图" + TestData.unique();
        signIn(page, api, "sales1");
        page.navigate(api.baseUrl() + "/customers?level=KEY");
        scriptsReady(page);

        page.getByTestId("saved-views-toggle").click();
        page.getByTestId("saved-view-name").fill(view);
        page.getByTestId("saved-view-save").click();
        assertThat(page.getByTestId("flash-success")).containsText(view);

        page.navigate(api.baseUrl() + "/customers");
        scriptsReady(page);
        page.getByTestId("saved-views-toggle").click();
        page.getByTestId("saved-view-link").filter(new Locator.FilterOptions().setHasText(view)).click();
        assertThat(page).hasURL(Pattern.compile(".*/customers\\?level=KEY$"));
        assertThat(page.getByTestId("filter-level")).hasValue("KEY");
    }

    @Test
    @DisplayName("B3 sales1 tags a customer with a new free tag on the detail page and finds it with the tag filter")
    void tagAndFilter(Page page) {
        String name = "标签旅程" + TestData.unique();
        String id = TestData.createCustomer(api, "sales1", Map.of("name", name)).get("id").asString();
        String tag = "旅程" + TestData.unique();
        signIn(page, api, "sales1");
        page.navigate(api.baseUrl() + "/customers/" + id);

        page.getByTestId("customer-new-tags").fill(tag);
        page.getByTestId("customer-tags-save").click();
        assertThat(page.getByTestId("flash-success")).hasText("Tags saved.");
        assertThat(page.getByTestId("tag-option-" + tag)).isChecked();
        assertThat(page.getByTestId("tag-chip").filter(new Locator.FilterOptions().setHasText(tag)).first()).isVisible();

        page.getByTestId("nav-customers").click();
        page.getByTestId("filter-tags").selectOption(new SelectOption().setLabel(tag));
        page.getByTestId("filter-submit").click();
        assertThat(page).hasURL(Pattern.compile(".*/customers\\?.*tags=.*"));
        assertThat(page.getByTestId("customer-row")).hasCount(1);
        assertThat(page.getByTestId("customer-link")).hasText(name);
    }

    @Test
    @DisplayName("B7 sales1 archives a customer with a reason; the list shows it only with the archived filter")
    void archiveAndFilter(Page page) {
        String name = "归档旅程" + TestData.unique();
        String id = TestData.createCustomer(api, "sales1", Map.of("name", name)).get("id").asString();
        signIn(page, api, "sales1");
        page.navigate(api.baseUrl() + "/customers/" + id);

        page.getByTestId("customer-archive-reason").fill("客户已注销");
        page.getByTestId("customer-archive-submit").click();
        assertThat(page.getByTestId("customer-archived")).isVisible();
        assertThat(page.getByTestId("customer-overview")).containsText("客户已注销");

        page.getByTestId("nav-customers").click();
        page.getByTestId("filter-q").fill(name);
        page.getByTestId("filter-submit").click();
        assertThat(page.getByTestId("empty-state")).isVisible();
        assertThat(page.getByTestId("customer-row")).hasCount(0);

        scriptsReady(page);
        page.getByTestId("filter-archived").selectOption("true");
        assertThat(page).hasURL(Pattern.compile(".*archived=true.*"));
        assertThat(page.getByTestId("customer-row")).hasCount(1);
        assertThat(page.getByTestId("customer-link")).hasText(name);
    }

    @Test
    @DisplayName("A4 service1, without the sensitive right, sees the phone and e-mail masked on the detail page")
    void sensitiveFieldsMasked(Page page) {
        String id = TestData.createCustomer(api, "sales1", Map.of("name", "脱敏旅程" + TestData.unique(),
                "phone", "13812345678", "email", "zhang@example.com")).get("id").asString();
        signIn(page, api, "service1");
        page.navigate(api.baseUrl() + "/customers/" + id);
        assertThat(page.getByTestId("customer-phone")).hasText("138****5678");
        assertThat(page.getByTestId("customer-email")).hasText("z***@example.com");
        assertThat(page.locator("body")).not().containsText("13812345678");
    }
}
