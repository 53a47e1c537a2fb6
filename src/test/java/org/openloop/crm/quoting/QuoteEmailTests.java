package org.openloop.crm.quoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/** F5 with C3: the quote PDF mailed to a contact arrives attached; the mail is logged and the draft becomes SENT. */
@CrmIntegrationTest
class QuoteEmailTests {

    /** The SMTP server the test profile's spring.mail settings point at. */
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    Api api;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    @DisplayName("F5/C3: the quote's PDF reaches the contact as an attachment; the draft quote becomes SENT")
    void pdfArrivesAttached() throws Exception {
        QuoteFixture fixture = new QuoteFixture(api);
        String customerName = "A科技公司" + TestData.unique();
        JsonNode opportunity = fixture.opportunity("sales1", customerName);
        String address = "buyer" + TestData.unique() + "@example.com";
        UUID contact = fixture.contact("sales1", UUID.fromString(opportunity.get("customerId").asString()), "王经理",
                address);
        JsonNode draft = fixture.draft("sales1", opportunity.get("id").asString(), "CRM 标准版 license", "5");

        Api.Response sent = api.post("/api/v1/quotes/" + draft.get("id").asString() + "/email").as("sales1")
                .language("zh-CN").json(Map.of("contactId", contact)).send();
        assertThat(sent.status()).as("%s", sent).isEqualTo(200);
        assertThat(sent.json().get("status").asString()).isEqualTo("SENT");

        MimeMessage[] received = mail.getReceivedMessagesForDomain(address);
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).contains(draft.get("number").asString());
        Multipart multipart = (Multipart) received[0].getContent();
        BodyPart pdf = null;
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                pdf = part;
            }
        }
        assertThat(pdf).as("a PDF attachment").isNotNull();
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(pdf.getFileName()).endsWith(".pdf");
        byte[] content = pdf.getInputStream().readAllBytes();
        try (PDDocument document = Loader.loadPDF(content)) {
            assertThat(new PDFTextStripper().getText(document)).contains(customerName, "CRM 标准版 license");
        }
        // the mail is on record for the customer
        assertThat(jdbc.sql("select subject from email_message where customer_id = ? and status = 'SENT'")
                .param(UUID.fromString(opportunity.get("customerId").asString())).query(String.class).list())
                .singleElement().asString().contains(draft.get("number").asString());

        // a SENT quote may be mailed again; an accepted one may not
        assertThat(api.post("/api/v1/quotes/" + draft.get("id").asString() + "/email").as("sales1")
                .json(Map.of("contactId", contact)).send().status()).isEqualTo(200);
        assertThat(fixture.step("sales1", draft.get("id").asString(), "accept", Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/quotes/" + draft.get("id").asString() + "/email").as("sales1")
                .json(Map.of("contactId", contact)).send().status()).isEqualTo(409);
        assertThat(mail.getReceivedMessagesForDomain(address)).hasSize(2);
    }

    @Test
    @DisplayName("F5: a contact of another customer is refused as a field error and nothing is mailed")
    void contactOfAnotherCustomer() {
        QuoteFixture fixture = new QuoteFixture(api);
        JsonNode opportunity = fixture.opportunity("sales1", "邮件客户" + TestData.unique());
        String address = "other" + TestData.unique() + "@example.com";
        UUID foreign = fixture.contact("sales1", fixture.customer("sales1", "别的客户" + TestData.unique()), "李四",
                address);
        JsonNode draft = fixture.draft("sales1", opportunity.get("id").asString(), "邮件产品", "0");
        Api.Response refused = api.post("/api/v1/quotes/" + draft.get("id").asString() + "/email").as("sales1")
                .json(Map.of("contactId", foreign)).send();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("contactId");
        assertThat(mail.getReceivedMessagesForDomain(address)).isEmpty();
        assertThat(api.get("/api/v1/quotes/" + draft.get("id").asString()).as("sales1").send().json().get("status")
                .asString()).isEqualTo("DRAFT");
    }
}
