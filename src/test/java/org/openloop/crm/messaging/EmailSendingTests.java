package org.openloop.crm.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/** Sending mail to contacts (C3): delivery, storage, timeline, templates, scope. */
@CrmIntegrationTest
class EmailSendingTests {

    /** The SMTP server the test profile's spring.mail settings point at. */
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    Api api;

    @Test
    @DisplayName("C3: a mail to a contact reaches the SMTP server, is stored as SENT and shows on the customer's timeline")
    void sendsStoresAndLogs() throws Exception {
        String address = "c" + TestData.unique() + "@example.com";
        JsonNode contact = MessagingFixtures.contact(api, "sales1", "王芳", address, null, null);
        String customerId = contact.get("customerId").asString();

        Api.Response sent = api.post("/api/v1/emails").as("sales1")
                .json(Map.of("contactId", contact.get("id").asString(), "subject", "报价 " + address, "body",
                        "您好，附上报价。"))
                .send();

        assertThat(sent.status()).as("%s", sent).isEqualTo(201);
        assertThat(sent.json().get("status").asString()).isEqualTo("SENT");
        MimeMessage[] received = mail.getReceivedMessagesForDomain(address);
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("报价 " + address);
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        assertThat(received[0].getContentType()).startsWith("text/plain");

        String id = sent.json().get("id").asString();
        JsonNode stored = api.get("/api/v1/emails/" + id).as("sales1").send().json();
        assertThat(stored.get("status").asString()).isEqualTo("SENT");
        assertThat(stored.get("to").asString()).isEqualTo(address);
        assertThat(stored.get("customerId").asString()).isEqualTo(customerId);
        assertThat(stored.get("senderName").asString()).isNotBlank();

        JsonNode entries = MessagingFixtures.timeline(api, "sales1", customerId, "email");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("title").asString()).isEqualTo("E-mail sent: 报价 " + address);
        assertThat(entries.get(0).get("link").asString()).isEqualTo("/emails/" + id);
        WebSession web = new WebSession(api);
        web.login("sales1", Api.DEMO_PASSWORD);
        assertThat(web.get("/customers/" + customerId + "/timeline").text()).contains("报价 " + address)
                .contains("value=\"email\"").contains("value=\"call\"");
    }

    @Test
    @DisplayName("C3: template variables are replaced literally; the mail is plain text and the page escapes it")
    void templatesAreSubstitutedAndEscaped() throws Exception {
        String address = "t" + TestData.unique() + "@example.com";
        JsonNode contact = MessagingFixtures.contact(api, "sales1", "<b>Tom</b>", address, null, null);
        Api.Response template = api.post("/api/v1/email-templates").as("admin")
                .json(Map.of("name", "问候 " + TestData.unique(), "subject", "Hello {{contact.name}}", "body",
                        "Dear {{ contact.name }} of {{customer.name}},\nregards, {{user.name}} {{unknown.thing}}"))
                .send();
        assertThat(template.status()).as("%s", template).isEqualTo(201);
        WebSession admin = new WebSession(api);
        admin.login("admin", Api.DEMO_PASSWORD);
        String templateName = "页面模板 " + TestData.unique();
        Api.Response saved = admin.post("/settings/email-templates/new", "_csrf",
                admin.csrfFrom("/settings/email-templates/new"), "name", templateName, "subject", "主题 {{contact.name}}",
                "body", "正文");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(admin.get("/settings/email-templates").text()).contains(templateName);
        assertThat(api.post("/api/v1/email-templates").as("sales1")
                .json(Map.of("name", "x" + TestData.unique(), "subject", "s", "body", "b")).send().status())
                .isEqualTo(403);

        Api.Response sent = api.post("/api/v1/emails").as("sales1")
                .json(Map.of("contactId", contact.get("id").asString(), "templateId",
                        template.json().get("id").asString()))
                .send();

        assertThat(sent.status()).as("%s", sent).isEqualTo(201);
        String body = sent.json().get("body").asString();
        assertThat(sent.json().get("subject").asString()).isEqualTo("Hello <b>Tom</b>");
        assertThat(body).startsWith("Dear <b>Tom</b> of 邮件客户").contains("regards, 李明")
                .contains("{{unknown.thing}}");
        MimeMessage received = mail.getReceivedMessagesForDomain(address)[0];
        assertThat(received.getContentType()).startsWith("text/plain");
        assertThat((String) received.getContent()).startsWith("Dear <b>Tom</b> of 邮件客户")
                .doesNotContain("{{contact.name}}").doesNotContain("{{customer.name}}");

        WebSession web = new WebSession(api);
        web.login("sales1", Api.DEMO_PASSWORD);
        assertThat(web.get("/customers/" + contact.get("customerId").asString() + "/contacts").text())
                .contains("data-testid=\"contact-send-email\"")
                .contains("/emails/new?contactId=" + contact.get("id").asString());
        assertThat(web.get("/settings/email-templates").status()).isEqualTo(403);
        String page = web.get("/emails/" + sent.json().get("id").asString()).text();
        assertThat(page).contains("Dear &lt;b&gt;Tom&lt;/b&gt;").doesNotContain("<b>Tom</b>");
        String form = web.get("/emails/new?contactId=" + contact.get("id").asString() + "&templateId="
                + template.json().get("id").asString()).text();
        assertThat(form).contains("Hello &lt;b&gt;Tom&lt;/b&gt;").doesNotContain("<b>Tom</b>");
    }

    @Test
    @DisplayName("C3/A3: a rep sees neither another team's mail nor a manager's mail on their own customer")
    void scope() {
        String address = "s" + TestData.unique() + "@example.com";
        JsonNode contact = MessagingFixtures.contact(api, "sales1", "李雷", address, null, null);
        String customerId = contact.get("customerId").asString();
        String own = api.post("/api/v1/emails").as("sales1")
                .json(Map.of("contactId", contact.get("id").asString(), "subject", "mine", "body", "b")).send()
                .json().get("id").asString();
        Api.Response managers = api.post("/api/v1/emails").as("manager")
                .json(Map.of("contactId", contact.get("id").asString(), "subject", "manager's", "body", "b")).send();
        assertThat(managers.status()).as("%s", managers).isEqualTo(201);

        assertThat(api.get("/api/v1/emails/" + own).as("sales2").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/customers/" + customerId + "/timeline").as("sales2").send().status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/emails").as("sales2")
                .json(Map.of("contactId", contact.get("id").asString(), "subject", "x", "body", "b")).send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/emails/" + managers.json().get("id").asString()).as("sales1").send().status())
                .isEqualTo(404);
        assertThat(MessagingFixtures.timeline(api, "sales1", customerId, "email").findValuesAsString("title"))
                .containsExactly("E-mail sent: mine");
        assertThat(MessagingFixtures.timeline(api, "manager", customerId, "email")).hasSize(2);
    }

    @Test
    @DisplayName("C3: without a subject or an address nothing is sent or stored")
    void refusals() {
        JsonNode noAddress = MessagingFixtures.contact(api, "sales1", "无邮箱", null, null, null);
        Api.Response refused = api.post("/api/v1/emails").as("sales1")
                .json(Map.of("contactId", noAddress.get("id").asString(), "subject", "s", "body", "b")).send();
        assertThat(refused.status()).isEqualTo(422);
        String address = "r" + TestData.unique() + "@example.com";
        JsonNode contact = MessagingFixtures.contact(api, "sales1", "某人", address, null, null);
        Api.Response noSubject = api.post("/api/v1/emails").as("sales1")
                .json(Map.of("contactId", contact.get("id").asString(), "subject", " ", "body", "b")).send();
        assertThat(noSubject.status()).isEqualTo(422);
        assertThat(noSubject.json().get("errors").get(0).get("field").asString()).isEqualTo("subject");
        assertThat(mail.getReceivedMessagesForDomain(address)).isEmpty();
        assertThat(MessagingFixtures.timeline(api, "sales1", contact.get("customerId").asString(), "email"))
                .isEmpty();
    }
}
