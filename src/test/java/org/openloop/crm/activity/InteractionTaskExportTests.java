package org.openloop.crm.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Exports of the interaction and task lists (K4 with C1/D1): activity:export, the list's filters and data scope,
 * formulas neutralised, on the API and the pages.
 */
@CrmIntegrationTest
class InteractionTaskExportTests {

    @Autowired
    Api api;

    private String interaction(String user, String subject) {
        String customerId = TestData.createCustomer(api, user, Map.of("name", "导出客户" + TestData.unique()))
                .get("id").asString();
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("channel", "PHONE");
        body.put("occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("subject", subject);
        Api.Response response = api.post("/api/v1/interactions").as(user).json(body).send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private void task(String user, String subject) {
        Api.Response response = api.post("/api/v1/tasks").as(user).json(Map.of("subject", subject, "dueAt",
                Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())).send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("K4/C1/D1: interaction and task exports obey data scope and the list's filter, and neutralise =cmd formulas")
    void scopeAndFormulas() {
        String tag = TestData.unique();
        String mine = "=cmd|' /C calc'!A0 " + tag;
        String theirs = "别人的沟通 " + tag;
        // an OWN-scope exporter in sales1's department: sees their own records, not sales1's
        UUID role = TestData.createRole(api, "OWN", true,
                Set.of("customer:view", "customer:create", "activity:view", "activity:create", "activity:export"));
        TestData.TestUser exporter = TestData.createUser(api, DemoOrganization.load(api).user("sales1").departmentId(),
                List.of(role));
        String token = api.createToken(exporter.username(), exporter.password());
        String customerId = api.post("/api/v1/customers").bearer(token)
                .json(Map.of("name", "导出者客户" + tag)).send().json().get("id").asString();
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("channel", "PHONE");
        body.put("occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("subject", mine);
        Api.Response own = api.post("/api/v1/interactions").bearer(token).json(body).send();
        assertThat(own.status()).as("%s", own).isEqualTo(201);
        interaction("sales1", theirs);
        Api.Response ownTask = api.post("/api/v1/tasks").bearer(token).json(Map.of("subject", mine, "dueAt",
                Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())).send();
        assertThat(ownTask.status()).as("%s", ownTask).isEqualTo(201);
        task("sales1", theirs);

        Api.Response interactions = api.get("/api/v1/interactions/export?format=csv&q=" + q(tag)).bearer(token).send();
        assertThat(interactions.status()).as("%s", interactions).isEqualTo(200);
        assertThat(interactions.text()).contains("'=cmd").doesNotContain("\"=cmd").doesNotContain(theirs)
                .contains("subject");
        Api.Response tasks = api.get("/api/v1/tasks/export?format=csv&q=" + q(tag)).bearer(token).send();
        assertThat(tasks.status()).as("%s", tasks).isEqualTo(200);
        assertThat(tasks.text()).contains("'=cmd").doesNotContain(theirs);

        // the manager's scope covers sales1's team; the list's q filter narrows the rows
        Api.Response managers = api.get("/api/v1/interactions/export?format=csv&q=" + q(theirs)).as("manager").send();
        assertThat(managers.status()).isEqualTo(200);
        assertThat(managers.text()).contains(theirs).doesNotContain("'=cmd");
        Api.Response xlsx = api.get("/api/v1/tasks/export?q=" + q(tag)).as("manager").send();
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
    }

    @Test
    @DisplayName("K4/A2: exports need activity:export (403 for a rep) on API and pages; the list pages show the buttons only to holders")
    void permission() {
        assertThat(api.get("/api/v1/interactions/export?format=csv").as("sales1").send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/tasks/export?format=csv").as("sales1").send().status()).isEqualTo(403);
        WebSession rep = new WebSession(api);
        rep.login("sales1", "demo123");
        assertThat(rep.get("/interactions/export?format=csv").status()).isEqualTo(403);
        assertThat(rep.get("/tasks/export?format=csv").status()).isEqualTo(403);
        assertThat(rep.get("/interactions").text()).doesNotContain("interaction-export-csv");
        assertThat(rep.get("/tasks/all").text()).doesNotContain("task-export-csv");

        String subject = "页面导出" + TestData.unique();
        interaction("sales1", subject);
        WebSession manager = new WebSession(api);
        manager.login("manager", "demo123");
        assertThat(manager.get("/interactions").text()).contains("interaction-export-csv");
        assertThat(manager.get("/tasks/all").text()).contains("task-export-csv");
        Api.Response page = manager.get("/interactions/export?format=csv&lang=zh-CN&q=" + q(subject));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains(subject).contains("电话");
    }
}
