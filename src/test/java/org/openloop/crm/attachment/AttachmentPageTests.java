package org.openloop.crm.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/** The attachments tab of the customer page, its panel, page downloads and deletes, for signed-in users. */
@CrmIntegrationTest
class AttachmentPageTests {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Api api;

    @Test
    void theCustomerPageLoadsThePanelAndOnlyEditorsGetTheControls() {
        UUID customer = UUID.fromString(TestData.createCustomer(api, "sales1",
                Map.of("name", "附件页面 " + TestData.unique())).get("id").asString());
        String id = AttachmentUploads.upload(api, "sales1", customer, "意向书.pdf", PDF);

        WebSession sales1 = signedIn("sales1");
        Api.Response page = sales1.get("/customers/" + customer);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("data-testid=\"tab-attachments\"")
                .contains("/attachments/panel?recordType=customer&amp;recordId=" + customer);

        Api.Response panel = sales1.get(panelPath(customer));
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.text()).contains("data-testid=\"attachment-upload-form\"").contains("意向书.pdf")
                .contains("/attachments/" + id + "/content").contains("data-confirm=");

        Api.Response download = sales1.get("/attachments/" + id + "/content");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/octet-stream");
        assertThat(download.header("Content-Disposition")).startsWith("attachment;");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.body()).isEqualTo(PDF);

        WebSession sales2 = signedIn("sales2");
        assertThat(sales2.get(panelPath(customer)).status()).isEqualTo(404);
        Api.Response refused = sales2.get("/attachments/" + id + "/content");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).isNotEqualTo(PDF);
        String csrf = sales2.csrfFrom("/customers");
        assertThat(sales2.post("/attachments/" + id + "/delete", "_csrf", csrf).status()).isEqualTo(404);

        Api.Response deleted = sales1.post("/attachments/" + id + "/delete", "_csrf", sales1.csrfFrom("/customers"));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.text()).contains("data-testid=\"attachment-success\"").doesNotContain("attachment-row");
    }

    private WebSession signedIn(String username) {
        WebSession session = new WebSession(api);
        assertThat(session.login(username, Api.DEMO_PASSWORD).status()).isEqualTo(302);
        return session;
    }

    private static String panelPath(UUID customer) {
        return "/attachments/panel?recordType=customer&recordId=" + customer;
    }
}
