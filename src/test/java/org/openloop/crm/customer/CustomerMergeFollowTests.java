package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.attachment.AttachmentUploads;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * B6: what other modules keep about a merged customer follows it to the survivor, and an undone merge moves exactly
 * that back — what was added to the survivor in between stays with the survivor.
 */
@CrmIntegrationTest
class CustomerMergeFollowTests {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("B6: interactions, tasks and attachments move to the survivor on merge and back on undo; later ones stay")
    void linksFollowTheMergeAndItsUndo() {
        String marker = TestData.unique();
        UUID survivor = UUID.fromString(TestData.createCustomer(api, "sales1", Map.of("name", "随迁甲" + marker))
                .get("id").asString());
        UUID merged = UUID.fromString(TestData.createCustomer(api, "sales1", Map.of("name", "随迁乙" + marker))
                .get("id").asString());
        UUID interaction = created(api.post("/api/v1/interactions").as("sales1").json(interaction(merged)).send());
        UUID task = created(api.post("/api/v1/tasks").as("sales1").json(task(merged, "回访" + marker)).send());
        UUID attachment = created(AttachmentUploads.multipart(api, api.token("sales1"), "customer", merged,
                "合同草稿.pdf", PDF, "en"));

        Api.Response done = api.post("/api/v1/customers/" + survivor + "/merge").as("manager")
                .json(Map.of("mergedId", merged)).send();
        assertThat(done.status()).as("%s", done).isEqualTo(200);
        eventually("the interaction moves to the survivor", () -> survivor.equals(customerOf("interaction", interaction)));
        eventually("the task moves to the survivor", () -> survivor.equals(customerOf("task", task)));
        eventually("the attachment moves to the survivor", () -> survivor.equals(attachmentOwner(attachment)));
        assertThat(api.get("/api/v1/attachments?recordType=customer&recordId=" + survivor).as("sales1").send().text())
                .contains(attachment.toString());

        // recorded on the survivor after the merge: not part of what the undo gives back
        UUID later = created(api.post("/api/v1/tasks").as("sales1").json(task(survivor, "后续" + marker)).send());

        String mergeId = api.get("/api/v1/customers/" + survivor + "/merges").as("manager").send().json().get(0)
                .get("id").asString();
        Api.Response undone = api.post("/api/v1/customer-merges/" + mergeId + "/undo").as("admin").send();
        assertThat(undone.status()).as("%s", undone).isEqualTo(200);
        eventually("the interaction moves back", () -> merged.equals(customerOf("interaction", interaction)));
        eventually("the task moves back", () -> merged.equals(customerOf("task", task)));
        eventually("the attachment moves back", () -> merged.equals(attachmentOwner(attachment)));
        assertThat(customerOf("task", later)).as("a task added to the survivor after the merge").isEqualTo(survivor);
        assertThat(api.get("/api/v1/attachments?recordType=customer&recordId=" + merged).as("sales1").send().text())
                .contains(attachment.toString());
    }

    private UUID customerOf(String table, UUID id) {
        return jdbc.sql("select customer_id from " + table + " where id = ?").param(id).query(UUID.class).single();
    }

    private UUID attachmentOwner(UUID id) {
        return jdbc.sql("select record_id from attachment where id = ?").param(id).query(UUID.class).single();
    }

    private static UUID created(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    private static Map<String, Object> interaction(UUID customer) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customer.toString());
        body.put("channel", "VISIT");
        body.put("occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("subject", "上门拜访");
        body.put("summary", "介绍了产品方案");
        return body;
    }

    private static Map<String, Object> task(UUID customer, String subject) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("customerId", customer.toString());
        body.put("dueAt", Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("priority", "HIGH");
        return body;
    }

    private static void eventually(String what, Supplier<Boolean> condition) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.get()) {
            assertThat(System.currentTimeMillis()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
