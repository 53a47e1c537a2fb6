package org.openloop.crm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.openloop.crm.browser.Journeys.CUSTOMER_PAGE;
import static org.openloop.crm.browser.Journeys.rowWith;
import static org.openloop.crm.browser.Journeys.scriptsReady;
import static org.openloop.crm.browser.Journeys.signIn;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Page;

/** A rep writes to a contact from the customer page and finds the mail on the timeline (C3). */
@CrmIntegrationTest
@ExtendWith(BrowserSupport.class)
class EmailJourneyTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    Api api;

    @Test
    @DisplayName("C3 sales1 sends an e-mail from the contacts tab and sees it on the customer's timeline")
    void sendFromTheCustomerPage(Page page) {
        String address = "journey" + TestData.unique() + "@example.com";
        String customerId = TestData.createCustomer(api, "sales1", Map.of("name", "邮件旅程" + TestData.unique()))
                .get("id").asString();
        Api.Response contact = api.post("/api/v1/contacts").as("sales1")
                .json(Map.of("customerId", customerId, "name", "收件人甲", "email", address)).send();
        org.assertj.core.api.Assertions.assertThat(contact.status()).isEqualTo(201);
        String subject = "方案 " + TestData.unique();

        signIn(page, api, "sales1");
        page.navigate(api.baseUrl() + "/customers/" + customerId + "?lang=en");
        scriptsReady(page);
        page.getByTestId("tab-contacts").click();
        rowWith(page, "contact-row", "收件人甲").getByTestId("contact-send-email").click();
        assertThat(page.getByTestId("email-to")).containsText("收件人甲");
        page.getByTestId("field-subject").fill(subject);
        page.getByTestId("field-body").fill("您好 {{contact.name}}，方案见下。");
        page.getByTestId("email-send").click();

        assertThat(page).hasURL(CUSTOMER_PAGE);
        assertThat(page.getByTestId("flash-success")).containsText("sent");
        org.assertj.core.api.Assertions.assertThat(mail.getReceivedMessagesForDomain(address)).hasSize(1);
        scriptsReady(page);
        page.getByTestId("tab-timeline").click();
        assertThat(page.locator("[data-testid=timeline-entry][data-kind=email]").first()).containsText(subject);
    }
}
