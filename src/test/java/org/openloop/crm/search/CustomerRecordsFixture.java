package org.openloop.crm.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;

import tools.jackson.databind.JsonNode;

/**
 * A customer of sales1 with a record of every module that shows its name in search — an accepted quote on an
 * opportunity, a contract from that quote, an interaction — made through the API, so each is indexed as in use.
 */
record CustomerRecordsFixture(JsonNode customer, String customerName, String quotePath, String quoteNumber,
        String contractPath, String interactionPath) {

    static CustomerRecordsFixture create(Api api, String customerName) {
        JsonNode customer = TestData.createCustomer(api, "sales1", Map.of("name", customerName));
        String customerId = customer.get("id").asString();
        String opportunityId = created(api.post("/api/v1/opportunities").as("sales1").json(Map.of("customerId",
                customerId, "name", "商机" + TestData.unique(), "amount", "1000.00")).send()).get("id").asString();
        Map<String, Object> product = new HashMap<>(Map.of("code", "P-" + TestData.unique(), "name",
                "产品" + TestData.unique(), "unit", "套", "listPrice", "100.00", "taxRate", "13", "kind", "PRODUCT"));
        String productId = created(api.post("/api/v1/products").as("admin").json(product).send()).get("id")
                .asString();
        JsonNode quote = created(api.post("/api/v1/quotes").as("sales1").json(Map.of("opportunityId", opportunityId,
                "lines", List.of(Map.of("productId", productId, "quantity", "1")))).send());
        String quoteId = quote.get("id").asString();
        created(api.post("/api/v1/quotes/" + quoteId + "/send").as("sales1").json(Map.of()).send());
        created(api.post("/api/v1/quotes/" + quoteId + "/accept").as("sales1").json(Map.of()).send());
        JsonNode contract = created(api.post("/api/v1/contracts").as("sales1").json(Map.of("quoteId", quoteId,
                "title", "合同" + TestData.unique(), "kind", "CONTRACT", "signingDate", "2026-11-20", "termStart",
                "2026-12-01", "termEnd", "2027-11-30")).send());
        JsonNode interaction = created(api.post("/api/v1/interactions").as("sales1").json(Map.of("customerId",
                customerId, "channel", "VISIT", "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                .toString(), "subject",
                "拜访" + TestData.unique())).send());
        return new CustomerRecordsFixture(customer, customerName, "/quotes/" + quoteId,
                quote.get("number").asString(), "/contracts/" + contract.get("id").asString(),
                "/interactions/" + interaction.get("id").asString());
    }

    /** The paths of sales1's search hits for {@code query}. */
    static List<String> paths(Api api, String query) {
        Api.Response response = api.get("/api/v1/search?limit=50&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .as("sales1").send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<String> paths = new ArrayList<>();
        response.json().get("items").forEach(hit -> paths.add(hit.get("path").asString()));
        return paths;
    }

    static JsonNode created(Api.Response response) {
        assertThat(response.status()).as("%s", response).isIn(200, 201);
        return response.json();
    }
}
