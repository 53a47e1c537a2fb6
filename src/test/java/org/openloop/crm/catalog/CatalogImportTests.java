package org.openloop.crm.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** F4 with B9: products imported from CSV through the catalogue's facade; reps may not import. */
@CrmIntegrationTest
class CatalogImportTests {

    @Autowired
    Api api;

    private Api.Response upload(String username, String csv) throws Exception {
        String boundary = "----product-import-" + TestData.unique();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"products.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(csv.getBytes(StandardCharsets.UTF_8));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/imports/product"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + api.token(username))
                .header("Accept-Language", "en").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Api.Response("POST /api/v1/imports/product", response.statusCode(), response.headers(),
                response.body());
    }

    private JsonNode run(String csv, String policy) throws Exception {
        Api.Response uploaded = upload("admin", csv);
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        String id = uploaded.json().get("job").get("id").asString();
        Map<String, String> mapping = new LinkedHashMap<>();
        uploaded.json().get("suggestedMapping").properties().forEach(e -> mapping.put(e.getKey(), e.getValue().asString()));
        Api.Response started = api.post("/api/v1/imports/jobs/" + id + "/start").as("admin")
                .json(Map.of("mapping", mapping, "duplicatePolicy", policy, "dryRun", false)).send();
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            JsonNode job = api.get("/api/v1/imports/jobs/" + id).as("admin").send().json();
            if (job.get("finished").asBoolean()) {
                return job;
            }
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    @DisplayName("F4/B9: products import from CSV; bad rows are reported; an existing code is updated with UPDATE")
    void importsProducts() throws Exception {
        String a = "IMP-" + TestData.unique();
        String b = "IMP-" + TestData.unique();
        String csv = "code,name,category,kind,unit,listPrice,currency,taxRate,description\n"
                + a + ",CRM 标准版 license,软件许可,PRODUCT,套,5000.00,CNY,13,每用户\n"
                + b + ",实施服务,服务,服务,人天,2500,CNY,6,\n"
                + "IMP-BAD,坏行,,PRODUCT,套,abc,CNY,130,\n";
        JsonNode job = run(csv, "SKIP");
        assertThat(job.toString()).contains("\"created\":2");
        JsonNode found = api.get("/api/v1/products?q=" + b).as("sales1").send().json().get("items");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("kind").asString()).isEqualTo("SERVICE");
        assertThat(found.get(0).get("listPrice").decimalValue()).isEqualByComparingTo("2500");

        JsonNode updated = run("code,name,unit,listPrice,taxRate\n" + a + ",CRM 标准版 license,套,4800,13\n", "UPDATE");
        assertThat(updated.toString()).contains("\"updated\":1");
        assertThat(api.get("/api/v1/products?q=" + a).as("sales1").send().json().get("items").get(0).get("listPrice")
                .decimalValue()).isEqualByComparingTo("4800");

        assertThat(upload("sales1", csv).status()).isEqualTo(403);
    }
}
