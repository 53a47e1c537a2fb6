package org.openloop.crm.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
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

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import tools.jackson.databind.JsonNode;

/** The inbound mailbox (C3): matched mail on the timeline, unknown senders for review, reruns change nothing. */
@CrmIntegrationTest
class InboundMailTests {

    static final ServerSetup SMTP = new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    static final ServerSetup IMAP = new ServerSetup(3926, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
    static final String INBOX = "crm-inbox@example.com";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] { SMTP, IMAP });

    @Autowired
    Api api;

    @Autowired
    InboundMailJob job;

    @BeforeEach
    void mailbox() {
        mail.setUser(INBOX, "crm-inbox", "secret");
    }

    private InboundMailJob.Result poll() throws Exception {
        return job.poll(new InboundMailJob.Mailbox("127.0.0.1", 3926, "crm-inbox", "secret", "imap", "INBOX"));
    }

    @Test
    @DisplayName("C3: mail from a contact (any case) lands on its customer, an unknown sender in review; a rerun logs nothing twice")
    void matchedUnknownAndIdempotent() throws Exception {
        String address = "In" + TestData.unique() + "@Example.com";
        JsonNode contact = MessagingFixtures.contact(api, "sales1", "来信人", address, null, null);
        String customerId = contact.get("customerId").asString();
        String unknown = "stranger" + TestData.unique() + "@elsewhere.test";
        GreenMailUtil.sendTextEmail(INBOX, address.toUpperCase(), "询价 " + address, "请报价 <script>x</script>", SMTP);
        GreenMailUtil.sendTextEmail(INBOX, unknown, "陌生来信 " + unknown, "hello", SMTP);
        GreenMailUtil.sendTextEmail(INBOX, "spam" + unknown, "广告 " + unknown, "<b>buy</b>", SMTP);
        mail.waitForIncomingEmail(5000, 3);

        InboundMailJob.Result first = poll();
        InboundMailJob.Result second = poll();

        assertThat(first).isEqualTo(new InboundMailJob.Result(1, 2));
        assertThat(second).isEqualTo(new InboundMailJob.Result(0, 0));
        JsonNode entries = MessagingFixtures.timeline(api, "sales1", customerId, "email");
        assertThat(entries.findValuesAsString("title")).containsExactly("E-mail received: 询价 " + address);
        assertThat(entries.get(0).get("detail").asString()).contains("<script>");

        JsonNode review = api.get("/api/v1/emails/review?size=100").as("admin").send().json().get("items");
        JsonNode item = null;
        for (JsonNode m : review) {
            if (m.get("subject").asString().equals("陌生来信 " + unknown)) {
                item = m;
            }
        }
        assertThat(item).as("review item for %s", unknown).isNotNull();
        assertThat(item.get("status").asString()).isEqualTo("REVIEW");
        // a rep sees no one's unowned mail
        assertThat(api.get("/api/v1/emails/review?size=100").as("sales1").send().json().get("items")
                .findValuesAsString("subject")).doesNotContain("陌生来信 " + unknown);

        WebSession web = new WebSession(api);
        web.login("admin", Api.DEMO_PASSWORD);
        String reviewPage = web.get("/emails/review?size=100").text();
        assertThat(reviewPage).contains("陌生来信 " + unknown).contains("广告 " + unknown).doesNotContain("<b>buy</b>");
        assertThat(reviewPage).contains("data-testid=\"email-review-customer\"")
                .contains("hx-get=\"/customers/choices?blank=choose\"");
        String spamId = null;
        for (JsonNode m : review) {
            if (m.get("subject").asString().equals("广告 " + unknown)) {
                spamId = m.get("id").asString();
            }
        }
        Api.Response discarded = web.post("/emails/" + spamId + "/discard", "_csrf", web.csrfFrom("/emails/review"));
        assertThat(discarded.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/emails/" + spamId).as("admin").send().json().get("status").asString())
                .isEqualTo("DISCARDED");
        assertThat(web.get("/emails/review?size=100").text()).doesNotContain("广告 " + unknown);
        assertThat(api.post("/api/v1/emails/" + spamId + "/assign").as("admin").json(Map.of("customerId", customerId))
                .send().status()).isEqualTo(409);

        String number = api.get("/api/v1/customers/" + customerId).as("admin").send().json().get("number").asString();
        Api.Response assigned = web.post("/emails/" + item.get("id").asString() + "/assign", "_csrf",
                web.csrfFrom("/emails/review"), "customerId", number);
        assertThat(assigned.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/emails/" + item.get("id").asString()).as("admin").send().json().get("status")
                .asString()).isEqualTo("LOGGED");
        assertThat(MessagingFixtures.timeline(api, "sales1", customerId, "email")).hasSize(2);
        assertThat(api.post("/api/v1/emails/" + item.get("id").asString() + "/discard").as("admin").send().status())
                .isEqualTo(409);
    }

    @Test
    @DisplayName("C3: mail sent to a contact is matched by the recipient; HTML-only mail is kept as text; attachments ignored")
    void recipientMatchAndHtml() throws Exception {
        String address = "to" + TestData.unique() + "@example.com";
        JsonNode contact = MessagingFixtures.contact(api, "sales1", "收信人", address, null, null);
        MimeMessage message = new MimeMessage(GreenMailUtil.getSession(SMTP));
        message.setFrom(new InternetAddress("rep@ourcompany.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(INBOX));
        message.addRecipient(Message.RecipientType.CC, new InternetAddress(address));
        message.setSubject("HTML " + address);
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Hi <b>there</b></p><script>alert(1)</script>", "text/html; charset=UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent("secret attachment text", "text/plain");
        attachment.setFileName("notes.txt");
        multipart.addBodyPart(html);
        multipart.addBodyPart(attachment);
        message.setContent(multipart);
        GreenMailUtil.sendMimeMessage(message);
        mail.waitForIncomingEmail(5000, 1);

        assertThat(poll().logged()).isEqualTo(1);

        JsonNode entry = MessagingFixtures.timeline(api, "sales1", contact.get("customerId").asString(), "email")
                .get(0);
        JsonNode stored = api.get("/api/v1/emails/" + entry.get("link").asString().substring("/emails/".length()))
                .as("sales1").send().json();
        assertThat(stored.get("direction").asString()).isEqualTo("IN");
        assertThat(stored.get("body").asString()).isEqualTo("Hi there").doesNotContain("alert");
    }
}
