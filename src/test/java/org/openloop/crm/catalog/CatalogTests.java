package org.openloop.crm.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
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

import tools.jackson.databind.JsonNode;

/**
 * The catalogue (F4) over REST and pages: product rights (reps view only), validation, unique codes, price lists
 * valid by date, products in use kept, audit and export.
 */
@CrmIntegrationTest
class CatalogTests {

    @Autowired
    Api api;

    static Map<String, Object> product(String code, String price, String taxRate) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "产品" + code);
        body.put("category", "软件许可");
        body.put("unit", "套");
        body.put("listPrice", price);
        body.put("taxRate", taxRate);
        body.put("kind", "PRODUCT");
        return body;
    }

    private JsonNode create(Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/products").as("admin").json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    @Test
    @DisplayName("F4/A2: reps and managers view products but cannot create, edit or delete them; admin can")
    void permissions() {
        JsonNode product = create(product("P-" + TestData.unique(), "100.00", "13"));
        String id = product.get("id").asString();
        for (String user : List.of("sales1", "manager")) {
            assertThat(api.get("/api/v1/products/" + id).as(user).send().status()).as(user).isEqualTo(200);
            assertThat(api.post("/api/v1/products").as(user).json(product("X-" + TestData.unique(), "1.00", "13"))
                    .send().status()).as(user).isEqualTo(403);
            Map<String, Object> edit = product(product.get("code").asString(), "90.00", "13");
            edit.put("version", product.get("version").asLong());
            assertThat(api.put("/api/v1/products/" + id).as(user).json(edit).send().status()).as(user)
                    .isEqualTo(403);
            assertThat(api.delete("/api/v1/products/" + id).as(user).send().status()).as(user).isEqualTo(403);
            assertThat(api.post("/api/v1/price-lists").as(user).json(Map.of("name", "x")).send().status())
                    .isEqualTo(403);
        }
        assertThat(api.get("/api/v1/products/" + id).as("service1").send().status()).isEqualTo(403);

        WebSession rep = new WebSession(api);
        rep.login("sales1", Api.DEMO_PASSWORD);
        assertThat(rep.get("/products").status()).isEqualTo(200);
        assertThat(rep.get("/products/" + id).text()).contains(product.get("code").asString())
                .doesNotContain("product-edit");
        assertThat(rep.get("/products/new").status()).isEqualTo(403);
        assertThat(rep.get("/products/" + id + "/edit").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("F4: bad input answers 400 with field errors; a duplicate code 409; stale versions 409")
    void validation() {
        Map<String, Object> bad = product("P-" + TestData.unique(), "-1", "101");
        bad.put("currency", "rmb");
        Api.Response refused = api.post("/api/v1/products").as("admin").json(bad).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("listPrice", "taxRate", "currency");
        Map<String, Object> noKind = product("P-" + TestData.unique(), "1.00", "6");
        noKind.remove("kind");
        assertThat(api.post("/api/v1/products").as("admin").json(noKind).send().status()).isEqualTo(400);

        JsonNode product = create(product("P-" + TestData.unique(), "100.00", "13"));
        Api.Response duplicate = api.post("/api/v1/products").as("admin")
                .json(product(product.get("code").asString(), "1.00", "13")).send();
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text()).contains("code");

        Map<String, Object> edit = product(product.get("code").asString(), "120.00", "13");
        edit.put("version", product.get("version").asLong());
        Api.Response saved = api.put("/api/v1/products/" + product.get("id").asString()).as("admin").json(edit).send();
        assertThat(saved.status()).isEqualTo(200);
        assertThat(api.put("/api/v1/products/" + product.get("id").asString()).as("admin").json(edit).send().status())
                .isEqualTo(409);
        // the change is in the product's history
        JsonNode history = api.get("/api/v1/audit-events?entityType=product&entityId=" + product.get("id").asString())
                .as("admin").send().json();
        assertThat(history.toString()).contains("listPrice");
    }

    @Test
    @DisplayName("F4: the price on a day is the price list's while it is active and valid, otherwise the list price")
    void priceByValidity() {
        JsonNode product = create(product("P-" + TestData.unique(), "5000.00", "13"));
        String productId = product.get("id").asString();
        LocalDate today = LocalDate.now();
        Api.Response list = api.post("/api/v1/price-lists").as("admin").json(Map.of("name", "经销商价" + TestData.unique(),
                "validFrom", today.toString(), "validTo", today.plusDays(10).toString())).send();
        assertThat(list.status()).as("%s", list).isEqualTo(201);
        String listId = list.json().get("id").asString();
        Api.Response priced = api.put("/api/v1/price-lists/" + listId + "/items/" + productId).as("admin")
                .json(Map.of("price", "4200.00")).send();
        assertThat(priced.status()).as("%s", priced).isEqualTo(200);
        assertThat(priced.json().get("items")).hasSize(1);

        String url = "/api/v1/products/" + productId + "/price?priceListId=" + listId + "&on=";
        JsonNode inside = api.get(url + today.plusDays(10)).as("sales1").send().json();
        assertThat(inside.get("price").decimalValue()).isEqualByComparingTo("4200.00");
        assertThat(inside.get("fromPriceList").asBoolean()).isTrue();
        JsonNode before = api.get(url + today.minusDays(1)).as("sales1").send().json();
        assertThat(before.get("price").decimalValue()).isEqualByComparingTo("5000.00");
        assertThat(before.get("fromPriceList").asBoolean()).isFalse();
        JsonNode after = api.get(url + today.plusDays(11)).as("sales1").send().json();
        assertThat(after.get("price").decimalValue()).isEqualByComparingTo("5000.00");
        JsonNode noList = api.get("/api/v1/products/" + productId + "/price?on=" + today).as("sales1").send().json();
        assertThat(noList.get("price").decimalValue()).isEqualByComparingTo("5000.00");

        // an inactive list does not apply
        JsonNode current = api.get("/api/v1/price-lists/" + listId).as("admin").send().json();
        Map<String, Object> off = new HashMap<>();
        off.put("name", current.get("name").asString());
        off.put("validFrom", today.toString());
        off.put("validTo", today.plusDays(10).toString());
        off.put("active", false);
        off.put("version", current.get("version").asLong());
        assertThat(api.put("/api/v1/price-lists/" + listId).as("admin").json(off).send().status()).isEqualTo(200);
        assertThat(api.get(url + today).as("sales1").send().json().get("price").decimalValue()).isEqualByComparingTo("5000.00");

        // validity end before start is refused; a negative price too
        Map<String, Object> backwards = new HashMap<>(off);
        backwards.put("validTo", today.minusDays(1).toString());
        backwards.put("version", current.get("version").asLong() + 1);
        assertThat(api.put("/api/v1/price-lists/" + listId).as("admin").json(backwards).send().status())
                .isEqualTo(422);
        assertThat(api.put("/api/v1/price-lists/" + listId + "/items/" + productId).as("admin")
                .json(Map.of("price", "-5")).send().status()).isEqualTo(400);
    }

    @Test
    @DisplayName("F4: a product used on a quote cannot be deleted (409) but can be deactivated; an unused one is deleted")
    void productInUse() {
        JsonNode product = create(product("P-" + TestData.unique(), "100.00", "13"));
        String id = product.get("id").asString();
        JsonNode customer = TestData.createCustomer(api, "sales1", Map.of("name", "目录客户" + TestData.unique()));
        Api.Response opportunity = api.post("/api/v1/opportunities").as("sales1").json(Map.of(
                "customerId", customer.get("id").asString(), "name", "目录商机" + TestData.unique(),
                "amount", "1000.00")).send();
        assertThat(opportunity.status()).as("%s", opportunity).isEqualTo(201);
        Map<String, Object> line = Map.of("productId", id, "quantity", "1");
        Api.Response quote = api.post("/api/v1/quotes").as("sales1").json(Map.of(
                "opportunityId", opportunity.json().get("id").asString(), "lines", List.of(line))).send();
        assertThat(quote.status()).as("%s", quote).isEqualTo(201);

        Api.Response delete = api.delete("/api/v1/products/" + id).as("admin").send();
        assertThat(delete.status()).isEqualTo(409);
        Map<String, Object> off = product(product.get("code").asString(), "100.00", "13");
        off.put("active", false);
        off.put("version", product.get("version").asLong());
        Api.Response deactivated = api.put("/api/v1/products/" + id).as("admin").json(off).send();
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/products?active=false&q=" + product.get("code").asString()).as("sales1").send()
                .json().get("items")).hasSize(1);
        // a deactivated product is not offered on new quotes
        Api.Response refused = api.post("/api/v1/quotes").as("sales1").json(Map.of(
                "opportunityId", opportunity.json().get("id").asString(), "lines", List.of(line))).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("lines[0].productId");

        JsonNode unused = create(product("P-" + TestData.unique(), "1.00", "6"));
        assertThat(api.delete("/api/v1/products/" + unused.get("id").asString()).as("admin").send().status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/products/" + unused.get("id").asString()).as("admin").send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/products/" + UUID.randomUUID()).as("admin").send().status()).isEqualTo(404);
    }

    @Test
    @DisplayName("F4: pages list, filter and export products; the admin creates a product and a price list by form")
    void pages() {
        WebSession admin = new WebSession(api);
        admin.login("admin", Api.DEMO_PASSWORD);
        String code = "PG-" + TestData.unique();
        String csrf = admin.csrfFrom("/products/new");
        Api.Response created = admin.post("/products/new", "_csrf", csrf, "code", code, "name", "页面产品",
                "category", "硬件", "unit", "台", "listPrice", "32000", "currency", "CNY", "taxRate", "13",
                "kind", "PRODUCT", "active", "true");
        assertThat(created.status()).as("%s", created).isEqualTo(302);
        assertThat(admin.get("/products?q=" + code).text()).contains(code, "页面产品");
        Api.Response invalid = admin.post("/products/new", "_csrf", csrf, "code", code, "name", "", "unit", "台",
                "listPrice", "-3", "taxRate", "13", "kind", "PRODUCT");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.text()).contains("error-name", "error-listPrice");
        Api.Response export = admin.get("/products/export?format=csv&q=" + code);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.text()).contains(code);

        String listCsrf = admin.csrfFrom("/price-lists/new");
        Api.Response list = admin.post("/price-lists/new", "_csrf", listCsrf, "name", "VIP价" + TestData.unique(),
                "currency", "CNY", "active", "true");
        assertThat(list.status()).as("%s", list).isEqualTo(302);
        String location = list.header("Location");
        assertThat(admin.get(location.replaceFirst("^https?://[^/]+", "")).text()).contains("price-item-form");
        assertThat(admin.get("/price-lists").status()).isEqualTo(200);
    }
}
