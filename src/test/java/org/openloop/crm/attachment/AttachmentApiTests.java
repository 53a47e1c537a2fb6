package org.openloop.crm.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;

import tools.jackson.databind.JsonNode;

/**
 * Attachments over HTTP (B8): access follows the owning customer (A2, A3), refused content never reaches storage,
 * downloads are never rendered by the browser, and nothing answers 500.
 */
@CrmIntegrationTest
class AttachmentApiTests {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D',
            'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89 };
    static final byte[] HTML = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);

    @Autowired
    Api api;

    @Test
    void theOwnerUploadsAndOthersOutsideTheScopeSeeNothing() {
        UUID customer = customerOf("sales1");
        Api.Response created = upload("sales1", "customer", customer, "意向书 v1.pdf", PDF);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode summary = created.json();
        String id = summary.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/attachments/" + id);
        assertThat(summary.get("fileName").asString()).isEqualTo("意向书 v1.pdf");
        assertThat(summary.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(summary.get("size").asLong()).isEqualTo(PDF.length);
        assertThat(summary.has("storageKey")).isFalse();

        Api.Response list = api.get(listPath(customer)).as("sales1").send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").findValuesAsString("id")).containsExactly(id);

        // sales2 is in another group: the customer, its attachments and their content do not exist for them.
        assertThat(api.get(listPath(customer)).as("sales2").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/attachments/" + id).as("sales2").send().status()).isEqualTo(404);
        Api.Response content = api.get("/api/v1/attachments/" + id + "/content").as("sales2").send();
        assertThat(content.status()).isEqualTo(404);
        assertThat(content.contentType()).startsWith("application/problem+json");
        assertThat(content.text()).doesNotContain("PDF");
        assertThat(api.delete("/api/v1/attachments/" + id).as("sales2").send().status()).isEqualTo(404);
        assertThat(upload("sales2", "customer", customer, "x.pdf", PDF).status()).isEqualTo(404);

        // The sales manager sees the whole department.
        assertThat(api.get(listPath(customer)).as("manager").send().json().get("items").findValuesAsString("id"))
                .containsExactly(id);
        Api.Response download = api.get("/api/v1/attachments/" + id + "/content").as("manager").send();
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(api.get("/api/v1/attachments/" + id).as("sales1").send().status()).isEqualTo(200);
    }

    @Test
    void downloadsAreAlwaysAttachmentsThatBrowsersMustNotSniffOrCache() {
        UUID customer = customerOf("sales1");
        String id = upload("sales1", "customer", customer, "报价单.png", PNG).json().get("id").asString();
        Api.Response download = api.get("/api/v1/attachments/" + id + "/content").as("sales1").send();
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/octet-stream");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Cache-Control")).isEqualTo("private, no-store");
        String disposition = download.header("Content-Disposition");
        assertThat(disposition).startsWith("attachment;")
                .contains("filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95.png");
        assertThat(ContentDisposition.parse(disposition).getFilename()).isEqualTo("报价单.png");
        assertThat(download.header("Content-Length")).isEqualTo(String.valueOf(PNG.length));
        assertThat(download.body()).isEqualTo(PNG);
    }

    @Test
    void uploadsAndDeletesAppearInTheCustomerHistory() {
        UUID customer = customerOf("sales1");
        String name = "合同-" + TestData.unique() + ".pdf";
        String id = upload("sales1", "customer", customer, name, PDF).json().get("id").asString();
        assertThat(api.delete("/api/v1/attachments/" + id).as("manager").send().status()).isEqualTo(204);
        assertThat(api.get("/api/v1/attachments/" + id).as("manager").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/attachments/" + id + "/content").as("sales1").send().status()).isEqualTo(404);

        JsonNode history = api.get("/api/v1/customers/" + customer + "/audit").as("sales1").send().json()
                .get("items");
        List<String> changes = new java.util.ArrayList<>();
        history.forEach(e -> {
            if ("attachments".equals(e.path("field").asString(null))) {
                changes.add(e.path("oldValue").asString(null) + " -> " + e.path("newValue").asString(null));
            }
        });
        assertThat(changes).containsExactly(name + " -> null", "null -> " + name);
    }

    @Test
    void disguisedEmptyForeignAndOversizedFilesAreRefusedWithProblems() {
        UUID customer = customerOf("sales1");
        Api.Response disguised = upload("sales1", "customer", customer, "invoice.png", HTML);
        assertThat(disguised.status()).as("%s", disguised).isEqualTo(422);
        assertThat(disguised.contentType()).startsWith("application/problem+json");
        assertThat(disguised.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(disguised.json().get("detail").asString()).contains(".png");

        Api.Response chinese = upload("sales1", "customer", customer, "invoice.txt", HTML, "zh-CN");
        assertThat(chinese.status()).isEqualTo(422);
        assertThat(chinese.json().get("detail").asString()).isEqualTo("文件内容与扩展名（.txt）不符。");

        assertThat(upload("sales1", "customer", customer, "empty.pdf", new byte[0]).status()).isEqualTo(422);
        assertThat(upload("sales1", "customer", customer, "setup.exe", PDF).status()).isEqualTo(422);
        assertThat(upload("sales1", "customer", customer, "page.html", HTML).status()).isEqualTo(422);
        assertThat(upload("sales1", "nonsense", customer, "a.pdf", PDF).status()).isEqualTo(400);
        assertThat(upload("sales1", "customer", UUID.randomUUID(), "a.pdf", PDF).status()).isEqualTo(404);

        byte[] large = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        Api.Response oversized = upload("sales1", "customer", customer, "big.pdf", large);
        assertThat(oversized.status()).as("%s", oversized).isEqualTo(413);
        assertThat(oversized.contentType()).startsWith("application/problem+json");

        assertThat(api.get(listPath(customer)).as("sales1").send().json().get("items")).isEmpty();
    }

    @Test
    void readingIsNotEnoughToUploadOrDelete() {
        UUID customer = customerOf("sales1");
        String id = upload("sales1", "customer", customer, "a.pdf", PDF).json().get("id").asString();
        UUID role = TestData.createRole(api, "COMPANY", false, Set.of("customer:view"));
        TestData.TestUser reader = TestData.createUser(api, null, List.of(role));
        String token = api.createToken(reader.username(), reader.password());

        assertThat(api.get(listPath(customer)).bearer(token).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/attachments/" + id + "/content").bearer(token).send().status()).isEqualTo(200);
        assertThat(upload(token, customer).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/attachments/" + id).bearer(token).send().status()).isEqualTo(403);
    }

    @Test
    void contactsCarryAttachmentsToo() {
        UUID customer = customerOf("sales1");
        Api.Response contact = api.post("/api/v1/contacts").as("sales1")
                .json(Map.of("customerId", customer, "name", "联系人 " + TestData.unique())).send();
        assertThat(contact.status()).as("%s", contact).isEqualTo(201);
        UUID contactId = UUID.fromString(contact.json().get("id").asString());
        assertThat(upload("sales1", "contact", contactId, "名片.png", PNG).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/attachments?recordType=contact&recordId=" + contactId).as("sales2").send()
                .status()).isEqualTo(404);
    }

    @Test
    void attachmentsOfAMergedCustomerMoveToTheSurvivor() {
        UUID survivor = customerOf("sales1");
        UUID merged = customerOf("sales1");
        String name = "并入-" + TestData.unique() + ".pdf";
        String id = upload("sales1", "customer", merged, name, PDF).json().get("id").asString();

        Api.Response done = api.post("/api/v1/customers/" + survivor + "/merge").as("manager")
                .json(Map.of("mergedId", merged)).send();
        assertThat(done.status()).as("%s", done).isEqualTo(200);

        // Other modules follow a merge asynchronously (RecordsMerged, @ApplicationModuleListener).
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get(listPath(survivor)).as("sales1").send().json().get("items").findValuesAsString("id"))
                .containsExactly(id));
        assertThat(api.get(listPath(merged)).as("sales1").send().json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/attachments/" + id + "/content").as("sales1").send().body()).isEqualTo(PDF);
        assertThat(api.get("/api/v1/customers/" + survivor + "/audit").as("sales1").send().text()).contains(name);
    }

    private UUID customerOf(String username) {
        JsonNode customer = TestData.createCustomer(api, username,
                Map.of("name", "附件测试 " + TestData.unique(), "type", "TARGET", "level", "NORMAL"));
        return UUID.fromString(customer.get("id").asString());
    }

    private static String listPath(UUID customer) {
        return "/api/v1/attachments?recordType=customer&recordId=" + customer;
    }

    private Api.Response upload(String username, String recordType, UUID recordId, String fileName, byte[] content) {
        return upload(username, recordType, recordId, fileName, content, "en");
    }

    private Api.Response upload(String username, String recordType, UUID recordId, String fileName, byte[] content,
            String language) {
        return multipart(api.token(username), recordType, recordId, fileName, content, language);
    }

    private Api.Response upload(String token, UUID customer) {
        return multipart(token, "customer", customer, "b.pdf", PDF, "en");
    }

    private Api.Response multipart(String token, String recordType, UUID recordId, String fileName, byte[] content,
            String language) {
        return AttachmentUploads.multipart(api, token, recordType, recordId, fileName, content, language);
    }
}
