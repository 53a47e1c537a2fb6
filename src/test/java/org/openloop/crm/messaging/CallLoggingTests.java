package org.openloop.crm.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Calls from the telephony system (C4): matching by phone, review, idempotency, recording links, scope, masking. */
@CrmIntegrationTest
class CallLoggingTests {

    @Autowired
    Api api;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static String landline() {
        return "010-6" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private Api.Response post(String as, String number, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("externalCallId", "call-" + TestData.unique());
        body.put("number", number);
        body.put("direction", "IN");
        body.put("startedAt", "2026-11-20T09:30:00+08:00");
        body.put("durationSeconds", 125);
        body.putAll(extra);
        return api.post("/api/v1/calls").as(as).language("en").json(body).send();
    }

    @Test
    @DisplayName("C4: a call is matched to the contact by mobile, +86 mobile, landline and +86 landline, and shows on the timeline")
    void matchesEveryFormat() {
        String mobile = TestData.uniqueMobile();
        String landline = landline();
        JsonNode contact = MessagingFixtures.contact(api, "sales1", "来电人", null, mobile, landline);
        String customerId = contact.get("customerId").asString();
        String national = landline.replace("-", "");

        for (String number : List.of(mobile, "+86 " + mobile.substring(0, 3) + " " + mobile.substring(3),
                "0086" + mobile, national, "+86 " + national.substring(1, 3) + " " + national.substring(3))) {
            Api.Response logged = post("sales1", number, Map.of("agentUsername", "sales1"));
            assertThat(logged.status()).as("%s: %s", number, logged).isEqualTo(201);
            assertThat(logged.json().get("status").asString()).as(number).isEqualTo("LOGGED");
            assertThat(logged.json().get("customerId").asString()).as(number).isEqualTo(customerId);
            assertThat(logged.json().get("contactId").asString()).as(number).isEqualTo(contact.get("id").asString());
        }
        JsonNode entries = MessagingFixtures.timeline(api, "sales1", customerId, "call");
        assertThat(entries).hasSize(5);
        assertThat(entries.get(0).get("title").asString()).startsWith("Incoming call from").endsWith("2 min 5 s");
    }

    @Test
    @DisplayName("C4: an unknown number waits for review and can be assigned to a contact; a repeated call id is logged once")
    void reviewAndIdempotency() {
        String mobile = TestData.uniqueMobile();
        JsonNode contact = MessagingFixtures.contact(api, "sales1", "后补", null, TestData.uniqueMobile(), null);
        String externalId = "dup-" + TestData.unique();

        Api.Response first = post("admin", mobile, Map.of("externalCallId", externalId));
        Api.Response again = post("admin", mobile, Map.of("externalCallId", externalId));

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.json().get("status").asString()).isEqualTo("REVIEW");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        String id = first.json().get("id").asString();
        assertThat(api.get("/api/v1/calls/review?size=100").as("admin").send().json().get("items")
                .findValuesAsString("id")).contains(id);

        WebSession web = new WebSession(api);
        web.login("admin", Api.DEMO_PASSWORD);
        // each row picks its contact from a select with a type-ahead, not by typing an id
        assertThat(web.get("/calls/review?size=100").text()).contains("/calls/" + id)
                .contains("id=\"review-contact-" + id + "\"").contains("hx-get=\"/contacts/choices?blank=choose\"");
        Api.Response assigned = web.post("/calls/" + id + "/assign", "_csrf", web.csrfFrom("/calls/review"),
                "contactId", contact.get("id").asString());
        assertThat(assigned.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/calls/" + id).as("admin").send().json().get("status").asString())
                .isEqualTo("LOGGED");
        assertThat(post("admin", mobile, Map.of("externalCallId", externalId)).status()).isEqualTo(200);
        assertThat(MessagingFixtures.timeline(api, "admin", contact.get("customerId").asString(), "call"))
                .hasSize(1);
        assertThat(api.get("/api/v1/calls/review?size=100").as("admin").send().json().get("items")
                .findValuesAsString("id")).doesNotContain(id);
    }

    @Test
    @DisplayName("C4: recording links other than http(s) are refused; an https link is shown, never fetched")
    void recordingLinks() {
        for (String url : List.of("file:///etc/passwd", "javascript:alert(1)", "ftp://host/x.mp3",
                "http://" + "a".repeat(2000) + ".test/x", "https:///nohost")) {
            Api.Response refused = post("admin", TestData.uniqueMobile(), Map.of("recordingUrl", url));
            assertThat(refused.status()).as(url).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("recordingUrl");
        }
        Api.Response logged = post("admin", TestData.uniqueMobile(),
                Map.of("recordingUrl", "https://recordings.example.com/r/1.mp3?a=1&b=2"));
        assertThat(logged.status()).as("%s", logged).isEqualTo(201);
        WebSession web = new WebSession(api);
        web.login("admin", Api.DEMO_PASSWORD);
        assertThat(web.get("/calls/" + logged.json().get("id").asString()).text())
                .contains("href=\"https://recordings.example.com/r/1.mp3?a=1&amp;b=2\"");
    }

    @Test
    @DisplayName("C4: the token's user needs activity:create; bad input is refused field by field")
    void permissionsAndValidation() {
        UUID viewOnly = TestData.createRole(api, "COMPANY", true, Set.of("activity:view", "customer:view"));
        TestData.TestUser user = TestData.createUser(api, null, List.of(viewOnly));
        String token = api.createToken(user.username(), user.password());
        Api.Response forbidden = api.post("/api/v1/calls").bearer(token)
                .json(Map.of("externalCallId", "x" + TestData.unique(), "number", TestData.uniqueMobile(),
                        "direction", "IN", "startedAt", "2026-11-20T09:30:00Z"))
                .send();
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(post("admin", "abc", Map.of()).json().get("errors").get(0).get("field").asString())
                .isEqualTo("number");
        assertThat(post("admin", TestData.uniqueMobile(), Map.of("durationSeconds", -1)).status()).isEqualTo(422);
        assertThat(post("admin", TestData.uniqueMobile(), Map.of("agentUsername", "nobody" + TestData.unique()))
                .status()).isEqualTo(422);
    }

    @Test
    @DisplayName("C4/A3/A4: a rep cannot see another team's call; a role without the sensitive right sees the number masked")
    void scopeAndMasking() {
        String mobile = TestData.uniqueMobile();
        JsonNode contact = MessagingFixtures.contact(api, "sales1", "保密", null, mobile, null);
        Api.Response logged = post("admin", mobile, Map.of("agentUsername", "sales1"));
        assertThat(logged.status()).as("%s", logged).isEqualTo(201);
        String id = logged.json().get("id").asString();
        assertThat(logged.json().get("number").asString()).isEqualTo(mobile);

        assertThat(api.get("/api/v1/calls/" + id).as("sales1").send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/calls/" + id).as("sales2").send().status()).isEqualTo(404);

        DemoOrganization org = DemoOrganization.load(api);
        UUID masked = TestData.createRole(api, "COMPANY", false,
                Set.of("activity:view", "customer:view", "contact:view"));
        TestData.TestUser reader = TestData.createUser(api, org.user("sales1").departmentId(), List.of(masked));
        String token = api.createToken(reader.username(), reader.password());
        String shown = api.get("/api/v1/calls/" + id).bearer(token).send().json().get("number").asString();
        assertThat(shown).isNotEqualTo(mobile).contains("****").startsWith(mobile.substring(0, 3));
        JsonNode entries = api.get("/api/v1/customers/" + contact.get("customerId").asString()
                + "/timeline?kinds=call").bearer(token).send().json().get("items");
        assertThat(entries.get(0).get("title").asString()).contains(shown).doesNotContain(mobile);
        WebSession web = new WebSession(api);
        web.login(reader.username(), reader.password());
        assertThat(web.get("/calls/" + id).text()).contains(shown).doesNotContain(mobile);
    }

    @Test
    @DisplayName("C4/B6: when customers merge, the merged customer's calls move to the survivor's timeline")
    void followsMerges() throws InterruptedException {
        String mobile = TestData.uniqueMobile();
        JsonNode contact = MessagingFixtures.contact(api, "sales1", "随迁来电", null, mobile, null);
        String mergedId = contact.get("customerId").asString();
        String survivorId = TestData.createCustomer(api, "sales1", Map.of("name", "存续" + TestData.unique()))
                .get("id").asString();
        assertThat(post("admin", mobile, Map.of("agentUsername", "sales1")).status()).isEqualTo(201);

        Api.Response merged = api.post("/api/v1/customers/" + survivorId + "/merge").as("manager")
                .json(Map.of("mergedId", mergedId)).send();
        assertThat(merged.status()).as("%s", merged).isEqualTo(200);

        long deadline = System.currentTimeMillis() + 15_000;
        while (MessagingFixtures.timeline(api, "sales1", survivorId, "call").isEmpty()) {
            assertThat(System.currentTimeMillis()).as("call moved in time").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(MessagingFixtures.timeline(api, "sales1", mergedId, "call")).isEmpty();
    }

    @Test
    @DisplayName("C4/K3: the same external call id posted by several requests at once is stored once; the others get it back or a 409, never a 500")
    void simultaneousDuplicatesAreStoredOnce() throws Exception {
        String externalId = "race-" + TestData.unique();
        String number = TestData.uniqueMobile();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return post("admin", number, Map.of("externalCallId", externalId)).status();
                }));
            }
            start.countDown();
            for (var status : statuses) {
                assertThat(status.get()).isIn(200, 201, 409);
            }
        } finally {
            pool.shutdown();
        }
        Long stored = jdbc.sql("select count(*) from call_record where external_id = ?").param(externalId)
                .query(Long.class).single();
        assertThat(stored).isEqualTo(1);
    }
}
