package org.openloop.crm.quoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;

import tools.jackson.databind.JsonNode;

/** Creates customers, opportunities, products and quotes over the API for the quote tests. */
final class QuoteFixture {

    private final Api api;

    QuoteFixture(Api api) {
        this.api = api;
    }

    UUID customer(String username, String name) {
        JsonNode customer = TestData.createCustomer(api, username, Map.of("name", name));
        return UUID.fromString(customer.get("id").asString());
    }

    UUID contact(String username, UUID customerId, String name, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("name", name);
        body.put("email", email);
        Api.Response created = api.post("/api/v1/contacts").as(username).json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    /** A new open opportunity of {@code username} on a new customer named {@code customerName}. */
    JsonNode opportunity(String username, String customerName) {
        UUID customerId = customer(username, customerName);
        return opportunity(username, customerId);
    }

    JsonNode opportunity(String username, UUID customerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("name", "报价商机" + TestData.unique());
        body.put("amount", "100000.00");
        Api.Response created = api.post("/api/v1/opportunities").as(username).json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    Api.Response opportunityStep(String username, String id, String action) {
        return api.post("/api/v1/opportunities/" + id + "/" + action).as(username).json(Map.of()).send();
    }

    /** A new active product created by the administrator. */
    JsonNode product(String name, String listPrice, String taxRate) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", "P-" + TestData.unique());
        body.put("name", name);
        body.put("unit", "套");
        body.put("listPrice", listPrice);
        body.put("taxRate", taxRate);
        body.put("kind", "PRODUCT");
        Api.Response created = api.post("/api/v1/products").as("admin").json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    static Map<String, Object> line(Object productId, String quantity, String unitPrice, String discount) {
        Map<String, Object> line = new HashMap<>();
        line.put("productId", productId);
        line.put("quantity", quantity);
        if (unitPrice != null) {
            line.put("unitPrice", unitPrice);
        }
        if (discount != null) {
            line.put("discountPercent", discount);
        }
        return line;
    }

    static Map<String, Object> quoteBody(Object opportunityId, List<Map<String, Object>> lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("opportunityId", opportunityId);
        body.put("lines", new ArrayList<>(lines));
        return body;
    }

    Api.Response createQuote(String username, Map<String, Object> body) {
        return api.post("/api/v1/quotes").as(username).json(body).send();
    }

    /** A DRAFT quote of {@code username} with one line of a new product at the given discount. */
    JsonNode draft(String username, String opportunityId, String productName, String discount) {
        JsonNode product = product(productName, "1000.00", "13");
        Api.Response created = createQuote(username, quoteBody(opportunityId,
                List.of(line(product.get("id").asString(), "2", null, discount))));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    Api.Response step(String username, String quoteId, String step, Map<String, Object> body) {
        return api.post("/api/v1/quotes/" + quoteId + "/" + step).as(username).json(body).send();
    }

    static BigDecimal money(JsonNode node) {
        return new BigDecimal(node.asString());
    }
}
