package org.openloop.crm.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Contracts from quotes (F6, F2): lines and totals copied exactly from an accepted quote; a quote that is not accepted,
 * a second contract from the same quote and a closed opportunity are refused with 409 on page and API; making the
 * contract wins an open opportunity; the new-contract form shows the quote.
 */
@CrmIntegrationTest
class ContractFromQuoteTests {

    @Autowired
    Api api;

    /** A customer, an open opportunity and a product, and a quote of two lines on them by {@code user}. */
    record Quoted(String customerId, String opportunityId, JsonNode quote) {
    }

    static Quoted quote(Api api, String user) {
        String customerId = TestData.createCustomer(api, user, Map.of("name", "合同客户" + TestData.unique()))
                .get("id").asString();
        Api.Response opportunity = api.post("/api/v1/opportunities").as(user).json(Map.of("customerId", customerId,
                "name", "合同商机" + TestData.unique(), "amount", "20000.00")).send();
        assertThat(opportunity.status()).as("%s", opportunity).isEqualTo(201);
        String opportunityId = opportunity.json().get("id").asString();
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(line(product(api, "ERP 软件许可" + TestData.unique(), "5000.00"), "3", "4999.99", "5"));
        lines.add(line(product(api, "实施服务" + TestData.unique(), "800.00"), "2.5", null, null));
        Map<String, Object> body = new HashMap<>();
        body.put("opportunityId", opportunityId);
        body.put("lines", lines);
        Api.Response created = api.post("/api/v1/quotes").as(user).json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return new Quoted(customerId, opportunityId, created.json());
    }

    static String product(Api api, String name, String price) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", "P-" + TestData.unique());
        body.put("name", name);
        body.put("unit", "套");
        body.put("listPrice", price);
        body.put("taxRate", "13");
        body.put("kind", "PRODUCT");
        Api.Response created = api.post("/api/v1/products").as("admin").json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static Map<String, Object> line(String productId, String quantity, String unitPrice, String discount) {
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

    /** Sends and accepts the quote; returns it as accepted. */
    static JsonNode accept(Api api, String user, JsonNode quote) {
        String id = quote.get("id").asString();
        Api.Response sent = api.post("/api/v1/quotes/" + id + "/send").as(user).json(Map.of()).send();
        assertThat(sent.status()).as("%s", sent).isEqualTo(200);
        Api.Response accepted = api.post("/api/v1/quotes/" + id + "/accept").as(user).json(Map.of()).send();
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
        return accepted.json();
    }

    static Map<String, Object> draft(String quoteId, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("quoteId", quoteId);
        body.put("title", title);
        body.put("kind", "CONTRACT");
        body.put("signingDate", "2026-11-20");
        body.put("termStart", "2026-12-01");
        body.put("termEnd", "2027-11-30");
        body.put("signer", "张伟");
        return body;
    }

    private String opportunityStatus(String user, String id) {
        return api.get("/api/v1/opportunities/" + id).as(user).send().json().get("status").asString();
    }

    @Test
    @DisplayName("F6: a contract from an accepted quote copies its lines and totals exactly, takes customer and opportunity from it and wins the open opportunity (F2)")
    void copiesTheAcceptedQuote() {
        Quoted quoted = quote(api, "sales1");
        JsonNode quote = accept(api, "sales1", quoted.quote());
        assertThat(opportunityStatus("sales1", quoted.opportunityId())).isEqualTo("OPEN");
        Map<String, Object> body = draft(quote.get("id").asString(), "ERP 合同" + TestData.unique());
        body.put("ownerId", DemoOrganization.load(api).user("sales2").id().toString());
        body.put("amount", "1.00");
        Api.Response created = api.post("/api/v1/contracts").as("sales1").json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode contract = created.json();

        assertThat(contract.get("number").asString()).matches("HT\\d{8}\\d{3,}");
        assertThat(contract.get("customerId").asString()).isEqualTo(quoted.customerId());
        assertThat(contract.get("opportunityId").asString()).isEqualTo(quoted.opportunityId());
        assertThat(contract.get("ownerId").asString()).as("the creator, not the body")
                .isEqualTo(DemoOrganization.load(api).user("sales1").id().toString());
        assertThat(contract.get("amount").decimalValue()).isEqualByComparingTo(quote.get("grandTotal").decimalValue());
        assertThat(contract.get("netTotal").decimalValue()).isEqualByComparingTo(quote.get("netTotal").decimalValue());
        assertThat(contract.get("taxTotal").decimalValue()).isEqualByComparingTo(quote.get("taxTotal").decimalValue());
        assertThat(contract.get("outstanding").decimalValue()).isEqualByComparingTo(quote.get("grandTotal").decimalValue());
        assertThat(contract.get("renewalDate").asString()).as("defaults to the term's end").isEqualTo("2027-11-30");
        assertThat(contract.get("deliveryStatus").asString()).isEqualTo("NOT_SHIPPED");
        JsonNode quoteLines = quote.get("lines");
        JsonNode lines = contract.get("lines");
        assertThat(lines).hasSize(quoteLines.size()).hasSize(2);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode q = quoteLines.get(i);
            JsonNode c = lines.get(i);
            assertThat(c.get("productId").asString()).isEqualTo(q.get("productId").asString());
            assertThat(c.get("productName").asString()).isEqualTo(q.get("productName").asString());
            for (String field : List.of("quantity", "unitPrice", "discountPercent", "taxRate", "netAmount",
                    "taxAmount", "totalAmount")) {
                assertThat(c.get(field).decimalValue()).as(field).isEqualByComparingTo(q.get(field).decimalValue());
            }
        }
        BigDecimal sum = new BigDecimal(0);
        for (JsonNode l : lines) {
            sum = sum.add(l.get("totalAmount").decimalValue());
        }
        assertThat(sum).isEqualByComparingTo(contract.get("amount").decimalValue());
        assertThat(opportunityStatus("sales1", quoted.opportunityId())).isEqualTo("WON");
    }

    @Test
    @DisplayName("F6: a quote that is not accepted answers 409; a second contract from the same quote answers 409")
    void notAcceptedAndSecondContractRefused() {
        Quoted quoted = quote(api, "sales1");
        String quoteId = quoted.quote().get("id").asString();
        Api.Response draftQuote = api.post("/api/v1/contracts").as("sales1").json(draft(quoteId, "草稿合同")).send();
        assertThat(draftQuote.status()).as("%s", draftQuote).isEqualTo(409);
        assertThat(draftQuote.contentType()).startsWith("application/problem+json");

        accept(api, "sales1", quoted.quote());
        Api.Response first = api.post("/api/v1/contracts").as("sales1").json(draft(quoteId, "首份合同")).send();
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        Api.Response second = api.post("/api/v1/contracts").as("sales1").language("zh-CN")
                .json(draft(quoteId, "第二份合同")).send();
        assertThat(second.status()).as("%s", second).isEqualTo(409);
        assertThat(second.text()).contains("该报价单已生成合同");
        assertThat(api.get("/api/v1/contracts?size=100&q=第二份合同").as("sales1").send().json().get("items")).isEmpty();

        WebSession web = new WebSession(api);
        web.login("sales1", Api.DEMO_PASSWORD);
        assertThat(web.get("/contracts/new?quoteId=" + quoteId).status()).isEqualTo(409);
        // another team's quote is not there at all
        Quoted foreign = quote(api, "sales2");
        JsonNode foreignQuote = accept(api, "sales2", foreign.quote());
        Api.Response notMine = api.post("/api/v1/contracts").as("sales1")
                .json(draft(foreignQuote.get("id").asString(), "他人报价合同")).send();
        assertThat(notMine.status()).as("%s", notMine).isEqualTo(422);
        assertThat(notMine.text()).doesNotContain(foreignQuote.get("number").asString());
    }

    @Test
    @DisplayName("F2 F6: a closed opportunity refuses a contract on the page and over the API (409, localised)")
    void closedOpportunityRefuses() {
        Quoted quoted = quote(api, "sales1");
        JsonNode quote = accept(api, "sales1", quoted.quote());
        String quoteId = quote.get("id").asString();
        assertThat(api.post("/api/v1/opportunities/" + quoted.opportunityId() + "/win").as("sales1").json(Map.of())
                .send().status()).isEqualTo(200);
        Api.Response closed = api.post("/api/v1/opportunities/" + quoted.opportunityId() + "/close").as("manager")
                .json(Map.of()).send();
        assertThat(closed.status()).as("%s", closed).isEqualTo(200);

        Api.Response refused = api.post("/api/v1/contracts").as("sales1").language("zh-CN")
                .json(draft(quoteId, "关闭商机合同")).send();
        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        WebSession web = new WebSession(api);
        web.login("sales1", Api.DEMO_PASSWORD);
        Api.Response form = web.get("/contracts/new?quoteId=" + quoteId);
        assertThat(form.status()).isEqualTo(409);
        String csrf = web.csrfFrom("/contracts");
        Api.Response post = web.post("/contracts/new", "_csrf", csrf, "quoteId", quoteId, "title", "关闭商机合同",
                "kind", "CONTRACT");
        assertThat(post.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/contracts?size=100&q=关闭商机合同").as("sales1").send().json().get("items")).isEmpty();
    }

    @Test
    @DisplayName("F6: the new-contract form opened from an accepted quote shows its lines and amount and makes the contract")
    void newContractPage() {
        Quoted quoted = quote(api, "sales1");
        JsonNode quote = accept(api, "sales1", quoted.quote());
        String quoteId = quote.get("id").asString();
        WebSession web = new WebSession(api);
        web.login("sales1", Api.DEMO_PASSWORD);
        String path = "/contracts/new?quoteId=" + quoteId;
        Api.Response form = web.get(path);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains(quote.get("number").asString()).contains("preview-line");
        String csrf = web.csrfFrom(path);
        Api.Response blank = web.post("/contracts/new", "_csrf", csrf, "quoteId", quoteId, "title", "", "kind",
                "CONTRACT");
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.text()).contains("data-testid=\"error-title\"");
        String title = "页面建合同" + TestData.unique();
        Api.Response saved = web.post("/contracts/new", "_csrf", csrf, "quoteId", quoteId, "title", title, "kind",
                "ORDER", "signingDate", "2026-11-28", "termStart", "", "termEnd", "", "renewalDate", "", "signer", "",
                "notes", "");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location")).contains("/contracts/");
        JsonNode listed = api.get("/api/v1/contracts?q=" + title).as("sales1").send().json().get("items").get(0);
        assertThat(listed.get("kind").asString()).isEqualTo("ORDER");
        assertThat(listed.get("amount").decimalValue()).isEqualByComparingTo(quote.get("grandTotal").decimalValue());
    }
}
