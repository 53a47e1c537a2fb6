package org.openloop.crm.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Sending while the mail server is down (no GreenMail on the configured port): a clear refusal, stored as FAILED. */
@CrmIntegrationTest
class EmailFailureTests {

    @Autowired
    Api api;

    @Test
    @DisplayName("C3: SMTP down → 503 problem naming the stored FAILED mail; the timeline says it was not sent")
    void smtpDown() {
        String address = "f" + TestData.unique() + "@example.com";
        JsonNode contact = MessagingFixtures.contact(api, "sales1", "失败", address, null, null);

        Api.Response refused = api.post("/api/v1/emails").as("sales1").language("en")
                .json(Map.of("contactId", contact.get("id").asString(), "subject", "down", "body", "b")).send();

        assertThat(refused.status()).as("%s", refused).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).startsWith("The mail server did not accept the e-mail");
        String id = refused.json().get("emailId").asString();
        JsonNode stored = api.get("/api/v1/emails/" + id).as("sales1").send().json();
        assertThat(stored.get("status").asString()).isEqualTo("FAILED");
        assertThat(stored.get("failureReason").asString()).isNotBlank();
        assertThat(MessagingFixtures.timeline(api, "sales1", contact.get("customerId").asString(), "email")
                .findValuesAsString("title")).containsExactly("E-mail not sent: down");
    }

    @Test
    @DisplayName("C3: SMTP down → the form shows the reason instead of an error page")
    void smtpDownInTheForm() {
        String address = "g" + TestData.unique() + "@example.com";
        JsonNode contact = MessagingFixtures.contact(api, "sales1", "表单", address, null, null);
        WebSession web = new WebSession(api);
        web.login("sales1", Api.DEMO_PASSWORD);
        String csrf = web.csrfFrom("/emails/new?contactId=" + contact.get("id").asString());
        Api.Response page = web.post("/emails?lang=en", "_csrf", csrf, "contactId", contact.get("id").asString(),
                "subject", "form down", "body", "text");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("data-testid=\"form-errors\"").contains("did not accept the e-mail");
    }
}
