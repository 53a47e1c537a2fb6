package org.openloop.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Custom fields (B11) on opportunities (F1): values through the API, their rules, list filters, the form, the detail
 * page, exports and the import. Fields are never required and are deactivated afterwards: the context is shared.
 */
@CrmIntegrationTest
class OpportunityCustomFieldTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    private JsonNode define(String labelEn, String type, Map<String, ?> more) {
        Map<String, Object> body = new HashMap<>(Map.of("recordType", "opportunity", "labelZh", "商机字段" + labelEn,
                "labelEn", labelEn, "type", type));
        body.putAll(more);
        Api.Response created = api.post("/api/v1/custom-fields").as("admin").json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    private void deactivate(JsonNode... fields) {
        for (JsonNode field : fields) {
            api.post("/api/v1/custom-fields/" + field.get("id").asString() + "/deactivate").as("admin").send();
        }
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("B11 F1: opportunity is a custom-field record type readable with opportunity:view")
    void recordTypeRegistered() {
        assertThat(api.get("/api/v1/custom-fields?recordType=opportunity").as("sales1").send().status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/custom-fields?recordType=opportunity").as("service1").send().status())
                .as("no opportunity:view → 403").isEqualTo(403);
        WebSession web = new WebSession(api);
        web.login("admin", Api.DEMO_PASSWORD);
        assertThat(web.get("/settings/custom-fields?lang=en").text()).contains("custom-field-type-opportunity")
                .contains("Opportunities");
    }

    @Test
    @DisplayName("B11 F1: values are saved and read as customFields on API create and update; left-out keys keep their values")
    void valuesOnCreateAndUpdate() {
        String marker = TestData.unique();
        JsonNode budget = define("Budget " + marker, "MONEY", Map.of("min", 0));
        JsonNode decision = define("Decision " + marker, "DATE", Map.of());
        String b = budget.get("key").asString();
        String d = decision.get("key").asString();
        try {
            SalesFixture fixture = new SalesFixture(api, jdbc);
            JsonNode created = fixture.opportunity("sales1", fixture.customer("sales1"),
                    Map.of("customFields", Map.of(b, "1234.5", d, "2026-06-30")));
            assertThat(created.get("customFields").get(b).decimalValue()).isEqualByComparingTo("1234.50");
            assertThat(created.get("customFields").get(d).asString()).isEqualTo("2026-06-30");
            String id = created.get("id").asString();

            Map<String, Object> body = new HashMap<>();
            body.put("customerId", created.get("customerId").asString());
            body.put("name", created.get("name").asString());
            body.put("amount", "100000.00");
            body.put("version", created.get("version").asLong());
            body.put("customFields", Map.of(b, 99));
            Api.Response updated = api.put("/api/v1/opportunities/" + id).as("sales1").json(body).send();
            assertThat(updated.status()).as("%s", updated).isEqualTo(200);
            JsonNode read = fixture.get("sales1", id);
            assertThat(read.get("customFields").get(b).decimalValue()).isEqualByComparingTo("99.00");
            assertThat(read.get("customFields").get(d).asString()).as("left out keeps its value")
                    .isEqualTo("2026-06-30");
            assertThat(api.get("/api/v1/opportunities/" + id + "/history").as("sales1").send().text())
                    .contains("customFields." + b);
            assertThat(api.get("/api/v1/opportunities/" + id).as("sales2").send().status())
                    .as("scope still applies").isEqualTo(404);
        }
        finally {
            deactivate(budget, decision);
        }
    }

    @Test
    @DisplayName("B11 F1: type, rule and unknown-key violations answer 400 with customFields.<key> errors; nothing is written")
    void validation() {
        String marker = TestData.unique();
        JsonNode seats = define("Seats " + marker, "NUMBER", Map.of("min", 1, "max", 100));
        String s = seats.get("key").asString();
        try {
            UUID customerId = new SalesFixture(api, jdbc).customer("sales1");
            String name = "校验商机" + marker;
            Api.Response wrong = api.post("/api/v1/opportunities").as("sales1").language("en").json(Map.of(
                    "customerId", customerId, "name", name, "amount", "10.00", "customFields",
                    Map.of(s, "many", "nosuch_" + marker.toLowerCase(), 1))).send();
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.contentType()).contains("application/problem+json");
            assertThat(wrong.json().get("errors").toString()).contains("customFields." + s).contains("Enter a number.")
                    .contains("customFields.nosuch_" + marker.toLowerCase());
            Api.Response range = api.post("/api/v1/opportunities").as("sales1").json(Map.of("customerId", customerId,
                    "name", name, "amount", "10.00", "customFields", Map.of(s, 500))).send();
            assertThat(range.status()).isEqualTo(400);
            assertThat(jdbc.sql("select count(*) from opportunity where name = ?").param(name).query(Long.class)
                    .single()).as("nothing half-written").isZero();

            JsonNode created = new SalesFixture(api, jdbc).opportunity("sales1", customerId,
                    Map.of("customFields", Map.of(s, 7)));
            Api.Response badUpdate = api.put("/api/v1/opportunities/" + created.get("id").asString()).as("sales1")
                    .json(Map.of("customerId", customerId, "name", "改名" + marker, "amount", "10.00", "version",
                            created.get("version").asLong(), "customFields", Map.of(s, 0)))
                    .send();
            assertThat(badUpdate.status()).isEqualTo(400);
            assertThat(badUpdate.json().get("errors").toString()).contains("customFields." + s);
            JsonNode unchanged = new SalesFixture(api, jdbc).get("sales1", created.get("id").asString());
            assertThat(unchanged.get("name").asString()).as("the refused update is rolled back")
                    .isEqualTo(created.get("name").asString());
            assertThat(unchanged.get("customFields").get(s).asInt()).isEqualTo(7);
        }
        finally {
            deactivate(seats);
        }
    }

    @Test
    @DisplayName("B11 F1 K3: cf.<key> filters the opportunity list on the API and the page, in scope; the page shows the column")
    void listFilters() {
        String marker = TestData.unique();
        JsonNode channel = define("Channel " + marker, "SINGLE_SELECT", Map.of("filterable", true, "shownInList",
                true, "options", List.of(Map.of("value", "direct", "zh", "直销", "en", "Direct"),
                        Map.of("value", "partner", "zh", "渠道", "en", "Partner"))));
        JsonNode hidden = define("Hidden " + marker, "TEXT", Map.of());
        String c = channel.get("key").asString();
        try {
            SalesFixture fixture = new SalesFixture(api, jdbc);
            UUID customerId = fixture.customer("sales1");
            fixture.opportunity("sales1", customerId, Map.of("name", "直销单" + marker, "customFields",
                    Map.of(c, "direct")));
            fixture.opportunity("sales1", customerId, Map.of("name", "渠道单" + marker, "customFields",
                    Map.of(c, "partner")));
            String base = "/api/v1/opportunities?q=" + url(marker) + "&";
            Api.Response direct = api.get(base + "cf." + c + "=direct").as("sales1").send();
            assertThat(direct.status()).as("%s", direct).isEqualTo(200);
            assertThat(direct.json().get("items")).hasSize(1);
            assertThat(direct.json().get("items").get(0).get("name").asString()).isEqualTo("直销单" + marker);
            assertThat(api.get(base + "cf." + c + "=direct,partner").as("sales1").send().json().get("items"))
                    .hasSize(2);
            assertThat(api.get(base + "cf." + c + "=direct").as("sales2").send().json().get("items"))
                    .as("scope still applies").isEmpty();
            assertThat(api.get(base + "cf." + hidden.get("key").asString() + "=x").as("sales1").send().status())
                    .as("not filterable → 400").isEqualTo(400);
            assertThat(api.get(base + "cf.nosuch=1").as("sales1").send().status()).isEqualTo(400);

            WebSession web = new WebSession(api);
            web.login("sales1", Api.DEMO_PASSWORD);
            Api.Response page = web.get("/opportunities?lang=en&q=" + url(marker) + "&cf." + c + "=partner");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text()).contains("渠道单" + marker).doesNotContain("直销单" + marker)
                    .contains("name=\"cf." + c + "\"").contains("cf-column-" + c).contains("cf-cell-" + c)
                    .contains("Partner");
        }
        finally {
            deactivate(channel, hidden);
        }
    }

    @Test
    @DisplayName("B11 F1: the page form shows the field, refuses a bad value next to it, saves a good one; the detail page shows it")
    void pageFormAndDetail() {
        String marker = TestData.unique();
        JsonNode rating = define("Rating " + marker, "NUMBER", Map.of("max", 10));
        String r = rating.get("key").asString();
        try {
            UUID customerId = new SalesFixture(api, jdbc).customer("sales1");
            WebSession web = new WebSession(api);
            web.login("sales1", Api.DEMO_PASSWORD);
            String form = web.get("/opportunities/new?lang=en&customerId=" + customerId).text();
            assertThat(form).contains("Rating " + marker).contains("customFields[" + r + "]");
            String csrf = web.csrfFrom("/opportunities/new?customerId=" + customerId);
            String name = "表单商机" + marker;

            Api.Response refused = web.post("/opportunities/new?lang=en", "_csrf", csrf, "customerId",
                    customerId.toString(), "name", name, "amount", "500", "currency", "CNY",
                    "customFields[" + r + "]", "99");
            assertThat(refused.status()).as("the form is shown again").isEqualTo(200);
            assertThat(refused.text()).contains("is-invalid").contains("customFields[" + r + "]");
            assertThat(jdbc.sql("select count(*) from opportunity where name = ?").param(name).query(Long.class)
                    .single()).isZero();

            Api.Response saved = web.post("/opportunities/new", "_csrf", csrf, "customerId", customerId.toString(),
                    "name", name, "amount", "500", "currency", "CNY", "customFields[" + r + "]", "8");
            assertThat(saved.status()).as("%s", saved).isEqualTo(302);
            String location = saved.headers().firstValue("Location").orElseThrow();
            String id = location.substring(location.lastIndexOf('/') + 1);
            assertThat(new SalesFixture(api, jdbc).get("sales1", id).get("customFields").get(r).asInt()).isEqualTo(8);
            String detail = web.get("/opportunities/" + id + "?lang=en").text();
            assertThat(detail).contains("Rating " + marker).contains("cf-value-" + r);

            String edit = web.get("/opportunities/" + id + "/edit?lang=en").text();
            assertThat(edit).contains("value=\"8\"");
        }
        finally {
            deactivate(rating);
        }
    }

    @Test
    @DisplayName("B11 F1 K1: the page and API exports carry the custom-field column")
    void exportColumns() {
        String marker = TestData.unique();
        JsonNode code = define("Code " + marker, "TEXT", Map.of());
        String k = code.get("key").asString();
        try {
            new SalesFixture(api, jdbc).opportunity("manager", new SalesFixture(api, jdbc).customer("manager"),
                    Map.of("name", "导出商机" + marker, "customFields", Map.of(k, "X-" + marker)));
            String apiCsv = api.get("/api/v1/opportunities/export?format=csv&q=" + url(marker)).as("manager").send()
                    .text();
            assertThat(apiCsv).contains(k).contains("X-" + marker).contains("导出商机" + marker);
            WebSession web = new WebSession(api);
            web.login("manager", Api.DEMO_PASSWORD);
            String pageCsv = web.get("/opportunities/export?format=csv&lang=en&q=" + url(marker)).text();
            assertThat(pageCsv).contains("Code " + marker).contains("X-" + marker);
        }
        finally {
            deactivate(code);
        }
    }

    @Test
    @DisplayName("B9 B11 F1: custom fields are opportunity import columns headed by their labels; options by label, bad values are row errors")
    void importColumns() throws Exception {
        String marker = TestData.unique();
        JsonNode region = define("Region " + marker, "SINGLE_SELECT", Map.of("options",
                List.of(Map.of("value", "east", "zh", "华东", "en", "East"),
                        Map.of("value", "north", "zh", "华北", "en", "North"))));
        JsonNode signed = define("Signed " + marker, "DATE", Map.of());
        String rg = region.get("key").asString();
        String sg = signed.get("key").asString();
        try {
            Api.Response columns = api.get("/api/v1/imports/opportunity/columns").as("sales1").language("en").send();
            assertThat(columns.text()).contains("Region " + marker).contains("cf." + rg);
            SalesFixture fixture = new SalesFixture(api, jdbc);
            String customer = fixture.get("sales1", fixture.opportunity("sales1").get("id").asString())
                    .get("customerName").asString();
            String csv = String.join("\r\n", "customer,name,amount,商机字段Region " + marker + ",Signed " + marker,
                    customer + ",导入甲" + marker + ",100,华北,2026/3/7",
                    customer + ",导入乙" + marker + ",100,西南,") + "\r\n";
            List<JsonNode> rows = runImport("sales1", csv);
            assertThat(rows.get(0).get("outcome").asString()).as("%s", rows.get(0)).isEqualTo("CREATED");
            assertThat(rows.get(1).get("outcome").asString()).isEqualTo("ERROR");
            assertThat(rows.get(1).get("message").asString()).contains("Region " + marker);
            JsonNode first = fixture.get("sales1", rows.get(0).get("recordId").asString()).get("customFields");
            assertThat(first.get(rg).asString()).isEqualTo("north");
            assertThat(first.get(sg).asString()).isEqualTo("2026-03-07");
            assertThat(jdbc.sql("select count(*) from opportunity where name = ?").param("导入乙" + marker)
                    .query(Long.class).single()).isZero();
        }
        finally {
            deactivate(region, signed);
        }
    }

    private List<JsonNode> runImport(String username, String csv) throws Exception {
        String boundary = "----opportunity-fields-" + TestData.unique();
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
                .json(Map.of("mapping", mapping, "duplicatePolicy", "SKIP", "dryRun", false)).send();
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
