package org.openloop.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The opportunity state machine (F2) on the pages and through the import (B9): the same rules and messages. */
@CrmIntegrationTest
class OpportunityImportAndPageWorkflowTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "F2 page: {1} from {0} → {2}")
    @MethodSource("org.openloop.crm.sales.OpportunityWorkflowTests#matrix")
    @DisplayName("F2 every legal transition works and every illegal one is refused on the page")
    void pageMatrix(OpportunityStatus from, OpportunityAction action, OpportunityStatus expected) {
        SalesFixture fixture = new SalesFixture(api, jdbc);
        String id = fixture.inStatus(from);
        long version = fixture.get("manager", id).get("version").asLong();
        WebSession web = new WebSession(api);
        web.login("manager", Api.DEMO_PASSWORD);
        String csrf = web.csrfFrom("/opportunities/new");
        List<String> fields = new ArrayList<>(List.of("version", String.valueOf(version), "_csrf", csrf));
        if (action == OpportunityAction.LOSE) {
            fields.addAll(List.of("lossReasonId", fixture.lossReason("其他").toString()));
        }
        Api.Response response = web.post("/opportunities/" + id + "/" + action.name().toLowerCase(Locale.ROOT),
                fields.toArray(String[]::new));
        assertThat(response.status()).isEqualTo(302);
        String page = web.get("/opportunities/" + id).text();
        if (expected == null) {
            assertThat(page).contains("data-testid=\"flash-error\"").contains("is not possible while the opportunity is");
            assertThat(fixture.get("manager", id).get("status").asString()).isEqualTo(from.name());
        }
        else {
            assertThat(page).contains("data-testid=\"flash-success\"");
            assertThat(fixture.get("manager", id).get("status").asString()).isEqualTo(expected.name());
        }
    }

    @Test
    @DisplayName("F2 B9 import: each row's status is reached by one legal workflow step; illegal ones are row errors with the workflow's message")
    void importMatrix() throws Exception {
        SalesFixture fixture = new SalesFixture(api, jdbc);
        Map<String, String> word = Map.of("OPEN", "执行", "WON", "成功", "LOST", "失败", "CLOSED", "关闭");
        List<String> lines = new ArrayList<>(List.of("customer,name,amount,status,lossReason"));
        List<String[]> expectations = new ArrayList<>();
        for (OpportunityStatus from : OpportunityStatus.values()) {
            for (OpportunityStatus to : OpportunityStatus.values()) {
                if (from == to) {
                    continue;
                }
                String id = fixture.inStatus(from);
                JsonNode existing = fixture.get("manager", id);
                lines.add(existing.get("customerName").asString() + "," + existing.get("name").asString() + ",100,"
                        + word.get(to.name()) + "," + (to == OpportunityStatus.LOST ? "价格过高" : ""));
                boolean legal = from == OpportunityStatus.OPEN && (to == OpportunityStatus.WON || to == OpportunityStatus.LOST)
                        || from == OpportunityStatus.WON && to == OpportunityStatus.CLOSED
                        || from == OpportunityStatus.LOST && to == OpportunityStatus.OPEN;
                expectations.add(new String[] {id, from.name(), legal ? to.name() : from.name(), legal ? "UPDATED" : "ERROR"});
            }
        }
        String newCustomer = fixture.get("manager", fixture.inStatus(OpportunityStatus.OPEN)).get("customerName")
                .asString();
        lines.add(newCustomer + ",新商机导入关闭,100,关闭,");
        lines.add(newCustomer + ",新商机导入失败无原因,100,失败,");
        lines.add(newCustomer + ",新商机导入成功,100,成功,");
        lines.add("不存在的客户" + TestData.unique() + ",x,100,执行,");
        List<JsonNode> rows = runImport("manager", String.join("\r\n", lines) + "\r\n", "UPDATE");
        for (int i = 0; i < expectations.size(); i++) {
            String[] e = expectations.get(i);
            JsonNode row = rows.get(i);
            assertThat(row.get("outcome").asString()).as("row %s from %s: %s", i, e[1], row).isEqualTo(e[3]);
            if ("ERROR".equals(e[3])) {
                assertThat(row.get("message").asString()).contains("is not possible while the opportunity is");
            }
            assertThat(fixture.get("manager", e[0]).get("status").asString()).isEqualTo(e[2]);
        }
        int n = expectations.size();
        assertThat(rows.get(n).get("outcome").asString()).isEqualTo("ERROR");
        assertThat(rows.get(n).get("message").asString()).isEqualTo("“Close” is not possible while the opportunity is “Open”.");
        assertThat(rows.get(n + 1).get("message").asString()).isEqualTo("Choose a loss reason.");
        assertThat(rows.get(n + 2).get("outcome").asString()).isEqualTo("CREATED");
        assertThat(rows.get(n + 3).get("outcome").asString()).isEqualTo("ERROR");
        long rolledBack = jdbc.sql("select count(*) from opportunity where name in ('新商机导入关闭', '新商机导入失败无原因')")
                .query(Long.class).single();
        assertThat(rolledBack).as("a refused row leaves nothing half-written").isZero();
    }

    private List<JsonNode> runImport(String username, String csv, String policy) throws Exception {
        String boundary = "----sales-import-" + TestData.unique();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"opps.csv\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(csv.getBytes(StandardCharsets.UTF_8));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/imports/opportunity"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + api.token(username))
                .header("Accept-Language", "en").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> uploaded = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode upload = Api.json().readTree(uploaded.body());
        String jobId = upload.get("job").get("id").asString();
        Map<String, String> mapping = new LinkedHashMap<>();
        upload.get("suggestedMapping").properties().forEach(e -> mapping.put(e.getKey(), e.getValue().asString()));
        Api.Response started = api.post("/api/v1/imports/jobs/" + jobId + "/start").as(username)
                .json(Map.of("mapping", mapping, "duplicatePolicy", policy, "dryRun", false)).send();
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        long deadline = System.currentTimeMillis() + 120_000;
        while (!api.get("/api/v1/imports/jobs/" + jobId).as(username).send().json().get("finished").asBoolean()) {
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(100);
        }
        List<JsonNode> rows = new ArrayList<>();
        api.get("/api/v1/imports/jobs/" + jobId + "/rows?size=500").as(username).send().json().forEach(rows::add);
        return rows;
    }
}
