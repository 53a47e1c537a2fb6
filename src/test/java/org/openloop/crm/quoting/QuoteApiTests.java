package org.openloop.crm.quoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Quotes over REST (F5): creation from an opportunity, prices and totals, the workflow, versions, discount approval,
 * closed opportunities, data scope on every verb, validation, optimistic locking, the PDF and expiry.
 */
@CrmIntegrationTest
class QuoteApiTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QuoteExpiryJob expiryJob;

    private QuoteFixture fixture() {
        return new QuoteFixture(api);
    }

    private static Map<String, Object> version(JsonNode quote) {
        return Map.of("version", quote.get("version").asLong());
    }

    @Test
    @DisplayName("F5: a rep quotes an open opportunity; customer and currency come from it, totals to the cent; "
            + "sent and accepted it is offered to contracts")
    void createSendAccept() {
        QuoteFixture fixture = fixture();
        String customerName = "A科技公司" + TestData.unique();
        JsonNode opportunity = fixture.opportunity("sales1", customerName);
        JsonNode product = fixture.product("CRM 标准版 license", "5000.00", "13");
        Api.Response created = fixture.createQuote("sales1", QuoteFixture.quoteBody(opportunity.get("id").asString(),
                List.of(QuoteFixture.line(product.get("id").asString(), "3", null, "5"))));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode quote = created.json();
        assertThat(quote.get("number").asString()).matches("BJ\\d{8}\\d{3,}");
        assertThat(quote.get("quoteVersion").asInt()).isEqualTo(1);
        assertThat(quote.get("status").asString()).isEqualTo("DRAFT");
        assertThat(quote.get("customerName").asString()).isEqualTo(customerName);
        assertThat(quote.get("currency").asString()).isEqualTo("CNY");
        assertThat(QuoteFixture.money(quote.get("lines").get(0).get("taxRate"))).isEqualByComparingTo("13");
        // 3 × 5000 × 0.95 = 14250.00; tax 13 % = 1852.50
        assertThat(QuoteFixture.money(quote.get("netTotal"))).isEqualByComparingTo("14250.00");
        assertThat(QuoteFixture.money(quote.get("taxTotal"))).isEqualByComparingTo("1852.50");
        assertThat(QuoteFixture.money(quote.get("grandTotal"))).isEqualByComparingTo("16102.50");
        assertThat(QuoteFixture.money(quote.get("discountTotal"))).isEqualByComparingTo("750.00");
        String id = quote.get("id").asString();

        Api.Response sent = fixture.step("sales1", id, "send", version(quote));
        assertThat(sent.status()).as("%s", sent).isEqualTo(200);
        assertThat(sent.json().get("status").asString()).isEqualTo("SENT");
        Api.Response accepted = fixture.step("sales1", id, "accept", Map.of());
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");

        JsonNode ofOpportunity = api.get("/api/v1/quotes/of-opportunity/" + opportunity.get("id").asString())
                .as("sales1").send().json();
        assertThat(ofOpportunity).hasSize(1);
        assertThat(ofOpportunity.get(0).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(QuoteFixture.money(ofOpportunity.get(0).get("grandTotal")))
                .isEqualByComparingTo(new BigDecimal("16102.50"));

        // accepted quotes are read-only and cannot be revised or sent again
        Map<String, Object> edit = QuoteFixture.quoteBody(opportunity.get("id").asString(),
                List.of(QuoteFixture.line(product.get("id").asString(), "1", null, null)));
        edit.put("version", accepted.json().get("version").asLong());
        assertThat(api.put("/api/v1/quotes/" + id).as("sales1").json(edit).send().status()).isEqualTo(409);
        assertThat(fixture.step("sales1", id, "revise", Map.of()).status()).isEqualTo(409);
        Api.Response again = fixture.step("sales1", id, "send", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("Accepted");
    }

    @Test
    @DisplayName("F4/F5: an empty unit price is taken from the chosen price list on the quote date, else the list price")
    void pricesFromPriceList() {
        QuoteFixture fixture = fixture();
        JsonNode product = fixture.product("实施服务" + TestData.unique(), "2500.00", "6");
        JsonNode other = fixture.product("年度维护" + TestData.unique(), "18000.00", "6");
        LocalDate today = LocalDate.now();
        Api.Response list = api.post("/api/v1/price-lists").as("admin").json(Map.of("name", "VIP价" + TestData.unique(),
                "validFrom", today.minusDays(1).toString(), "validTo", today.plusDays(30).toString())).send();
        assertThat(list.status()).as("%s", list).isEqualTo(201);
        String listId = list.json().get("id").asString();
        assertThat(api.put("/api/v1/price-lists/" + listId + "/items/" + product.get("id").asString()).as("admin")
                .json(Map.of("price", "2200.00")).send().status()).isEqualTo(200);
        JsonNode opportunity = fixture.opportunity("sales1", "价格客户" + TestData.unique());
        Map<String, Object> body = QuoteFixture.quoteBody(opportunity.get("id").asString(), List.of(
                QuoteFixture.line(product.get("id").asString(), "10", null, null),
                QuoteFixture.line(other.get("id").asString(), "1", null, null),
                QuoteFixture.line(product.get("id").asString(), "1", "2600.00", null)));
        body.put("priceListId", listId);
        Api.Response created = fixture.createQuote("sales1", body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode lines = created.json().get("lines");
        assertThat(QuoteFixture.money(lines.get(0).get("unitPrice"))).isEqualByComparingTo("2200.00");
        assertThat(QuoteFixture.money(lines.get(1).get("unitPrice"))).as("not in the list: list price")
                .isEqualByComparingTo("18000.00");
        assertThat(QuoteFixture.money(lines.get(2).get("unitPrice"))).as("overridden").isEqualByComparingTo("2600.00");
        assertThat(created.json().get("priceListId").asString()).isEqualTo(listId);
    }

    @Test
    @DisplayName("F5: revising a sent quote makes version 2 as a draft copy and supersedes version 1; a draft is "
            + "edited in place")
    void versions() {
        QuoteFixture fixture = fixture();
        JsonNode opportunity = fixture.opportunity("sales1", "版本客户" + TestData.unique());
        JsonNode draft = fixture.draft("sales1", opportunity.get("id").asString(), "服务器", "0");
        String v1 = draft.get("id").asString();

        // a draft is edited in place: same id, same version number, new lines
        Map<String, Object> edit = QuoteFixture.quoteBody(opportunity.get("id").asString(),
                List.of(QuoteFixture.line(draft.get("lines").get(0).get("productId").asString(), "5", "900.00", "2")));
        edit.put("version", draft.get("version").asLong());
        edit.put("terms", "付款：30 天");
        Api.Response edited = api.put("/api/v1/quotes/" + v1).as("sales1").json(edit).send();
        assertThat(edited.status()).as("%s", edited).isEqualTo(200);
        assertThat(edited.json().get("id").asString()).isEqualTo(v1);
        assertThat(edited.json().get("quoteVersion").asInt()).isEqualTo(1);
        assertThat(QuoteFixture.money(edited.json().get("netTotal"))).isEqualByComparingTo("4410.00");

        JsonNode sent = fixture.step("sales1", v1, "send", version(edited.json())).json();
        Api.Response revised = fixture.step("sales1", v1, "revise", version(sent));
        assertThat(revised.status()).as("%s", revised).isEqualTo(201);
        JsonNode v2 = revised.json();
        assertThat(v2.get("id").asString()).isNotEqualTo(v1);
        assertThat(v2.get("number").asString()).isEqualTo(draft.get("number").asString());
        assertThat(v2.get("quoteVersion").asInt()).isEqualTo(2);
        assertThat(v2.get("status").asString()).isEqualTo("DRAFT");
        assertThat(v2.get("terms").asString()).isEqualTo("付款：30 天");
        assertThat(QuoteFixture.money(v2.get("grandTotal"))).isEqualByComparingTo(sent.get("grandTotal").asString());
        JsonNode storedV2 = api.get("/api/v1/quotes/" + v2.get("id").asString()).as("sales1").send().json();
        assertThat(QuoteFixture.money(storedV2.get("grandTotal"))).as("stored totals of the copy")
                .isEqualByComparingTo(sent.get("grandTotal").asString());
        assertThat(storedV2.get("lines")).hasSize(1);
        assertThat(api.get("/api/v1/quotes/" + v1).as("sales1").send().json().get("status").asString())
                .isEqualTo("SUPERSEDED");
        JsonNode versions = api.get("/api/v1/quotes/" + v2.get("id").asString() + "/versions").as("sales1").send()
                .json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(versions.get(1).get("version").asInt()).isEqualTo(2);
        // a superseded version can take no step
        assertThat(fixture.step("sales1", v1, "accept", Map.of()).status()).isEqualTo(409);
        // a rejected quote can be revised too
        JsonNode v2sent = fixture.step("sales1", v2.get("id").asString(), "send", Map.of()).json();
        assertThat(fixture.step("sales1", v2.get("id").asString(), "reject", Map.of()).status()).isEqualTo(200);
        Api.Response v3 = fixture.step("sales1", v2.get("id").asString(), "revise", Map.of());
        assertThat(v3.status()).as("%s", v3).isEqualTo(201);
        assertThat(v3.json().get("quoteVersion").asInt()).isEqualTo(3);
        assertThat(v2sent.get("status").asString()).isEqualTo("SENT");
    }

    @Test
    @DisplayName("F5: a discount above 10 % sends the quote to approval and notifies the sales manager; it cannot be "
            + "sent or mailed until approved; the manager refuses with a reason, then approves")
    void discountApproval() {
        QuoteFixture fixture = fixture();
        DemoOrganization org = DemoOrganization.load(api);
        JsonNode opportunity = fixture.opportunity("sales1", "折扣客户" + TestData.unique());
        UUID customerId = UUID.fromString(opportunity.get("customerId").asString());
        UUID contact = fixture.contact("sales1", customerId, "王经理", "wang" + TestData.unique() + "@example.com");
        JsonNode draft = fixture.draft("sales1", opportunity.get("id").asString(), "CRM 企业版", "15");
        String id = draft.get("id").asString();
        assertThat(draft.get("approvalRequired").asBoolean()).isTrue();
        assertThat(draft.get("allowedActions").toString()).contains("SEND");

        // mailing before approval is refused
        Api.Response mailed = api.post("/api/v1/quotes/" + id + "/email").as("sales1")
                .json(Map.of("contactId", contact)).send();
        assertThat(mailed.status()).as("%s", mailed).isEqualTo(409);

        Api.Response pending = fixture.step("sales1", id, "send", version(draft));
        assertThat(pending.status()).as("%s", pending).isEqualTo(200);
        assertThat(pending.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        long notified = jdbc.sql("select count(*) from notification where user_id = ? and type = ? and link = ?")
                .params(org.user("manager").id(), "quote.approvalRequested", "/quotes/" + id).query(Long.class)
                .single();
        assertThat(notified).isEqualTo(1);
        // still not mailable, not acceptable, and the rep cannot approve it himself (422)
        assertThat(api.post("/api/v1/quotes/" + id + "/email").as("sales1").json(Map.of("contactId", contact))
                .send().status()).isEqualTo(409);
        assertThat(fixture.step("sales1", id, "accept", Map.of()).status()).isEqualTo(409);
        assertThat(fixture.step("sales1", id, "approve", Map.of()).status()).isEqualTo(422);

        // the manager refuses without a reason (422), then with one: back to DRAFT, the rep is told why
        assertThat(fixture.step("manager", id, "reject-approval", Map.of()).status()).isEqualTo(422);
        Api.Response refused = fixture.step("manager", id, "reject-approval", Map.of("reason", "折扣过高，请控制在 12% 以内"));
        assertThat(refused.status()).as("%s", refused).isEqualTo(200);
        assertThat(refused.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(refused.json().get("approvalRejectedReason").asString()).contains("12%");
        assertThat(jdbc.sql("select count(*) from notification where user_id = ? and type = ?")
                .params(org.user("sales1").id(), "quote.approvalDecided").query(Long.class).single())
                .isGreaterThanOrEqualTo(1);

        // sent again and approved: SENT, and now it may be mailed
        assertThat(fixture.step("sales1", id, "send", Map.of()).json().get("status").asString())
                .isEqualTo("PENDING_APPROVAL");
        Api.Response approved = fixture.step("manager", id, "approve", Map.of());
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("SENT");
        assertThat(approved.json().get("approvedByName").asString()).isEqualTo("王芳");
    }

    @Test
    @DisplayName("F5: a closed opportunity refuses a new quote (409) and a lost one too; an unknown one is a field error")
    void closedOpportunityRefuses() {
        QuoteFixture fixture = fixture();
        JsonNode product = fixture.product("服务器", "32000.00", "13");
        JsonNode opportunity = fixture.opportunity("sales1", "关闭客户" + TestData.unique());
        String opportunityId = opportunity.get("id").asString();
        assertThat(fixture.opportunityStep("sales1", opportunityId, "win").status()).isEqualTo(200);
        Api.Response close = fixture.opportunityStep("manager", opportunityId, "close");
        assertThat(close.status()).as("%s", close).isEqualTo(200);
        Api.Response refused = fixture.createQuote("sales1", QuoteFixture.quoteBody(opportunityId,
                List.of(QuoteFixture.line(product.get("id").asString(), "1", null, null))));
        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(api.get("/api/v1/quotes?opportunityId=" + opportunityId).as("sales1").send().json().get("items"))
                .isEmpty();

        Api.Response unknown = fixture.createQuote("sales1", QuoteFixture.quoteBody(UUID.randomUUID(),
                List.of(QuoteFixture.line(product.get("id").asString(), "1", null, null))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("opportunityId");
    }

    @Test
    @DisplayName("F5/A3: a rep of another team gets 404 on every verb of a quote, PDF included; the manager sees it")
    void scope() {
        QuoteFixture fixture = fixture();
        JsonNode opportunity = fixture.opportunity("sales1", "范围客户" + TestData.unique());
        JsonNode draft = fixture.draft("sales1", opportunity.get("id").asString(), "CRM 标准版", "0");
        String id = draft.get("id").asString();
        Map<String, Object> edit = QuoteFixture.quoteBody(opportunity.get("id").asString(),
                List.of(QuoteFixture.line(draft.get("lines").get(0).get("productId").asString(), "1", null, null)));
        edit.put("version", draft.get("version").asLong());
        String base = "/api/v1/quotes/" + id;
        assertThat(api.get(base).as("sales2").send().status()).isEqualTo(404);
        assertThat(api.get(base + "/lines").as("sales2").send().status()).isEqualTo(404);
        assertThat(api.get(base + "/versions").as("sales2").send().status()).isEqualTo(404);
        assertThat(api.get(base + "/pdf").as("sales2").send().status()).isEqualTo(404);
        assertThat(api.put(base).as("sales2").json(edit).send().status()).isEqualTo(404);
        for (String step : List.of("send", "approve", "reject-approval", "accept", "reject", "revise")) {
            assertThat(fixture.step("sales2", id, step, Map.of("reason", "x")).status()).as(step).isEqualTo(404);
        }
        assertThat(api.post(base + "/email").as("sales2").json(Map.of()).send().status()).isEqualTo(404);
        assertThat(api.delete(base).as("sales2").send().status()).isIn(403, 404);
        assertThat(api.get("/api/v1/quotes?opportunityId=" + opportunity.get("id").asString()).as("sales2").send()
                .json().get("items")).isEmpty();
        // the other team's rep cannot quote the opportunity either
        Api.Response foreign = fixture.createQuote("sales2", QuoteFixture.quoteBody(opportunity.get("id").asString(),
                List.of(QuoteFixture.line(draft.get("lines").get(0).get("productId").asString(), "1", null, null))));
        assertThat(foreign.status()).isEqualTo(400);

        assertThat(api.get(base).as("manager").send().status()).isEqualTo(200);
        assertThat(api.get(base + "/pdf").as("manager").send().status()).isEqualTo(200);
        assertThat(api.get(base).as("sales1").send().status()).isEqualTo(200);
        // the rep may not delete (no quote:delete), the manager may delete a draft
        assertThat(api.delete(base).as("sales1").send().status()).isEqualTo(403);
        assertThat(api.delete(base).as("manager").send().status()).isEqualTo(204);
        assertThat(api.get(base).as("sales1").send().status()).isEqualTo(404);
    }

    @Test
    @DisplayName("F5: negative quantity, discount above 100 and an unknown product answer 400 with field errors; "
            + "nothing is written")
    void validation() {
        QuoteFixture fixture = fixture();
        JsonNode product = fixture.product("校验产品", "100.00", "13");
        JsonNode opportunity = fixture.opportunity("sales1", "校验客户" + TestData.unique());
        String opportunityId = opportunity.get("id").asString();
        Api.Response negative = fixture.createQuote("sales1", QuoteFixture.quoteBody(opportunityId,
                List.of(QuoteFixture.line(product.get("id").asString(), "-1", null, null))));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.text()).contains("lines[0].quantity");
        Api.Response discount = fixture.createQuote("sales1", QuoteFixture.quoteBody(opportunityId,
                List.of(QuoteFixture.line(product.get("id").asString(), "1", null, "100.5"))));
        assertThat(discount.status()).isEqualTo(400);
        assertThat(discount.text()).contains("lines[0].discountPercent");
        Api.Response unknown = fixture.createQuote("sales1", QuoteFixture.quoteBody(opportunityId, List.of(
                QuoteFixture.line(product.get("id").asString(), "1", null, null),
                QuoteFixture.line(UUID.randomUUID().toString(), "1", null, null))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("lines[1].productId");
        Api.Response empty = fixture.createQuote("sales1", QuoteFixture.quoteBody(opportunityId, List.of()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text()).contains("lines");
        Map<String, Object> badDate = QuoteFixture.quoteBody(opportunityId,
                List.of(QuoteFixture.line(product.get("id").asString(), "1", null, null)));
        badDate.put("validUntil", LocalDate.now().minusDays(5).toString());
        assertThat(fixture.createQuote("sales1", badDate).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/quotes?opportunityId=" + opportunityId).as("sales1").send().json().get("items"))
                .isEmpty();
    }

    @Test
    @DisplayName("F5: a stale version answers 409 on edit and on a step; If-Match works too")
    void staleVersion() {
        QuoteFixture fixture = fixture();
        JsonNode opportunity = fixture.opportunity("sales1", "并发客户" + TestData.unique());
        JsonNode draft = fixture.draft("sales1", opportunity.get("id").asString(), "并发产品", "0");
        String id = draft.get("id").asString();
        Map<String, Object> edit = QuoteFixture.quoteBody(opportunity.get("id").asString(),
                List.of(QuoteFixture.line(draft.get("lines").get(0).get("productId").asString(), "3", null, null)));
        edit.put("version", draft.get("version").asLong());
        assertThat(api.put("/api/v1/quotes/" + id).as("sales1").json(edit).send().status()).isEqualTo(200);
        assertThat(api.put("/api/v1/quotes/" + id).as("sales1").json(edit).send().status()).isEqualTo(409);
        assertThat(fixture.step("sales1", id, "send", version(draft)).status()).isEqualTo(409);
        Map<String, Object> noVersion = new HashMap<>(edit);
        noVersion.remove("version");
        assertThat(api.put("/api/v1/quotes/" + id).as("sales1").header("If-Match", "\"0\"").json(noVersion).send()
                .status()).isEqualTo(412);
    }

    @Test
    @DisplayName("F5: the PDF downloads as an attachment and reads back with the Chinese customer name and the products")
    void pdf() throws Exception {
        QuoteFixture fixture = fixture();
        String customerName = "A科技公司" + TestData.unique();
        JsonNode opportunity = fixture.opportunity("sales1", customerName);
        JsonNode product = fixture.product("CRM 标准版 license", "5000.00", "13");
        Map<String, Object> body = QuoteFixture.quoteBody(opportunity.get("id").asString(),
                List.of(QuoteFixture.line(product.get("id").asString(), "50", null, "8")));
        body.put("terms", "付款方式：合同签订后 30 天内付清。");
        JsonNode quote = fixture.createQuote("sales1", body).json();
        Api.Response pdf = api.get("/api/v1/quotes/" + quote.get("id").asString() + "/pdf").as("sales1")
                .language("zh-CN").send();
        assertThat(pdf.status()).as("%s", pdf).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.header("Content-Disposition")).startsWith("attachment").contains(".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(customerName, "CRM 标准版 license", quote.get("number").asString(), "报价单",
                    "付款方式", "230,000.00");
        }
    }

    @Test
    @DisplayName("F5: the expiry job expires sent quotes past their valid-until day, once, and leaves others alone")
    void expiry() {
        QuoteFixture fixture = fixture();
        JsonNode opportunity = fixture.opportunity("sales1", "过期客户" + TestData.unique());
        JsonNode sent = fixture.step("sales1",
                fixture.draft("sales1", opportunity.get("id").asString(), "过期产品", "0").get("id").asString(), "send",
                Map.of()).json();
        JsonNode draft = fixture.draft("sales1", opportunity.get("id").asString(), "草稿产品", "0");
        jdbc.sql("update quote set valid_until = ? where id in (?, ?)").params(LocalDate.now().minusDays(2),
                UUID.fromString(sent.get("id").asString()), UUID.fromString(draft.get("id").asString())).update();
        assertThat(expiryJob.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/v1/quotes/" + sent.get("id").asString()).as("sales1").send().json().get("status")
                .asString()).isEqualTo("EXPIRED");
        assertThat(api.get("/api/v1/quotes/" + draft.get("id").asString()).as("sales1").send().json().get("status")
                .asString()).isEqualTo("DRAFT");
        assertThat(expiryJob.expireDue()).isZero();
        // an expired quote can be revised into a new draft
        assertThat(fixture.step("sales1", sent.get("id").asString(), "revise", Map.of()).status()).isEqualTo(201);
    }

    @Test
    @DisplayName("F5: the list filters by status, customer and opportunity and exports as CSV in the caller's scope")
    void listAndExport() {
        QuoteFixture fixture = fixture();
        JsonNode opportunity = fixture.opportunity("sales1", "列表客户" + TestData.unique());
        JsonNode draft = fixture.draft("sales1", opportunity.get("id").asString(), "列表产品", "0");
        JsonNode list = api.get("/api/v1/quotes?status=DRAFT&customerId=" + opportunity.get("customerId").asString())
                .as("sales1").send().json();
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("id").asString()).isEqualTo(draft.get("id").asString());
        assertThat(api.get("/api/v1/quotes?status=SENT&customerId=" + opportunity.get("customerId").asString())
                .as("sales1").send().json().get("items")).isEmpty();
        Api.Response export = api.get("/api/v1/quotes/export?format=csv&opportunityId="
                + opportunity.get("id").asString()).as("manager").send();
        assertThat(export.status()).as("%s", export).isEqualTo(200);
        assertThat(export.text()).contains(draft.get("number").asString());
        // reps have no export right
        assertThat(api.get("/api/v1/quotes/export?format=csv").as("sales1").send().status()).isEqualTo(403);
    }

    @Test
    @DisplayName("F5 demo: A科技公司 ERP 升级项目 has an accepted three-line quote for contracts; a draft quote exists too")
    void demoQuotes() {
        UUID erp = jdbc.sql("select id from opportunity where name = ?").param("A科技公司 ERP 升级项目")
                .query(UUID.class).single();
        JsonNode quotes = api.get("/api/v1/quotes/of-opportunity/" + erp).as("sales1").send().json();
        assertThat(quotes).anySatisfy(q -> assertThat(q.get("status").asString()).isEqualTo("ACCEPTED"));
        String accepted = null;
        for (JsonNode q : quotes) {
            if (q.get("status").asString().equals("ACCEPTED")) {
                accepted = q.get("id").asString();
            }
        }
        JsonNode quote = api.get("/api/v1/quotes/" + accepted).as("sales1").send().json();
        assertThat(quote.get("lines")).hasSize(3);
        assertThat(quote.get("customerName").asString()).isEqualTo("A科技公司");
        assertThat(jdbc.sql("select count(*) from quote where status = 'DRAFT' and customer_name = 'A科技公司'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from price_list where name in ('经销商价', 'VIP价')").query(Long.class)
                .single()).isEqualTo(2);
    }
}
