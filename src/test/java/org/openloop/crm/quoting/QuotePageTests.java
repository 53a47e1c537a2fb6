package org.openloop.crm.quoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Quote pages (F5): new from an opportunity, form errors, detail, steps, PDF, the opportunity panel and scope. */
@CrmIntegrationTest
class QuotePageTests {

    @Autowired
    Api api;

    private WebSession login(String username) {
        WebSession session = new WebSession(api);
        session.login(username, Api.DEMO_PASSWORD);
        return session;
    }

    private static String path(Api.Response redirect) {
        return redirect.header("Location").replaceFirst("^https?://[^/]+", "");
    }

    @Test
    @DisplayName("F5: a rep makes a quote by form from an opportunity, sends it and sees it on the opportunity's tab")
    void createByForm() {
        QuoteFixture fixture = new QuoteFixture(api);
        String customerName = "页面客户" + TestData.unique();
        JsonNode opportunity = fixture.opportunity("sales1", customerName);
        String opportunityId = opportunity.get("id").asString();
        JsonNode product = fixture.product("CRM 标准版 license", "5000.00", "13");
        WebSession rep = login("sales1");
        Api.Response form = rep.get("/quotes/new?opportunityId=" + opportunityId);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains(customerName, "quote-form", "/js/quoting.js");
        // the live totals know the product's list price, which an empty unit price takes when saved
        assertThat(form.text()).contains("data-quote-totals", "quote-form-grand-total",
                "value=\"" + product.get("id").asString() + "\" data-list-price=\"5000.00\"");
        String csrf = rep.csrfFrom("/quotes/new?opportunityId=" + opportunityId);

        // bad rows come back with their field errors; empty rows are ignored
        Api.Response invalid = rep.post("/quotes/new", "_csrf", csrf, "opportunityId", opportunityId,
                "lines[0].productId", product.get("id").asString(), "lines[0].quantity", "-2",
                "lines[1].productId", "", "lines[1].quantity", "");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.text()).contains("error-lines[0].quantity");

        Api.Response created = rep.post("/quotes/new", "_csrf", csrf, "opportunityId", opportunityId,
                "lines[0].productId", product.get("id").asString(), "lines[0].quantity", "2",
                "lines[0].discountPercent", "5", "lines[1].productId", "", "lines[1].quantity", "",
                "terms", "报价有效期 30 天");
        assertThat(created.status()).as("%s", created).isEqualTo(302);
        String detailPath = path(created);
        Api.Response detail = rep.get(detailPath);
        assertThat(detail.text()).contains(customerName, "CRM 标准版 license", "9,500.00", "quote-send", "quote-pdf",
                "quote-edit");
        String id = detailPath.substring(detailPath.lastIndexOf('/') + 1);
        JsonNode quote = api.get("/api/v1/quotes/" + id).as("sales1").send().json();
        Api.Response sent = rep.post("/quotes/" + id + "/send", "_csrf", csrf, "version",
                quote.get("version").asString());
        assertThat(sent.status()).isEqualTo(302);
        assertThat(rep.get(detailPath).text()).contains("quote-accept", "quote-revise").doesNotContain("quote-edit");

        // an illegal step from the page is refused with a message, nothing changes
        Api.Response again = rep.post("/quotes/" + id + "/send", "_csrf", csrf);
        assertThat(again.status()).isEqualTo(302);
        assertThat(rep.get(detailPath).text()).contains("flash-error");
        assertThat(rep.get("/quotes/" + id + "/edit").status()).isEqualTo(302);

        Api.Response panel = rep.get("/quotes/panel?opportunityId=" + opportunityId);
        assertThat(panel.text()).contains("quote-panel-row", quote.get("number").asString());
        Api.Response pdf = rep.get("/quotes/" + id + "/pdf");
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.header("Content-Disposition")).startsWith("attachment");
        assertThat(rep.get("/quotes?status=SENT").text()).contains(quote.get("number").asString());
    }

    @Test
    @DisplayName("F5: the page refuses a new quote for a closed opportunity, before and on saving")
    void closedOpportunityPage() {
        QuoteFixture fixture = new QuoteFixture(api);
        JsonNode opportunity = fixture.opportunity("sales1", "关闭页面客户" + TestData.unique());
        String opportunityId = opportunity.get("id").asString();
        JsonNode product = fixture.product("服务器", "32000.00", "13");
        WebSession rep = login("sales1");
        String csrf = rep.csrfFrom("/quotes/new?opportunityId=" + opportunityId);
        assertThat(fixture.opportunityStep("sales1", opportunityId, "win").status()).isEqualTo(200);
        assertThat(fixture.opportunityStep("manager", opportunityId, "close").status()).isEqualTo(200);

        Api.Response form = rep.get("/quotes/new?opportunityId=" + opportunityId);
        assertThat(form.status()).isEqualTo(302);
        assertThat(path(form)).isEqualTo("/opportunities/" + opportunityId);
        Api.Response saved = rep.post("/quotes/new", "_csrf", csrf, "opportunityId", opportunityId,
                "lines[0].productId", product.get("id").asString(), "lines[0].quantity", "1");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.text()).contains("form-errors");
        assertThat(api.get("/api/v1/quotes?opportunityId=" + opportunityId).as("sales1").send().json().get("items"))
                .isEmpty();
    }

    @Test
    @DisplayName("F5/A3: pages of another team's quote answer 404 (detail, edit, PDF, panel, steps)")
    void scopeOnPages() {
        QuoteFixture fixture = new QuoteFixture(api);
        JsonNode opportunity = fixture.opportunity("sales1", "页面范围客户" + TestData.unique());
        JsonNode draft = fixture.draft("sales1", opportunity.get("id").asString(), "范围产品", "20");
        String id = draft.get("id").asString();
        WebSession other = login("sales2");
        String csrf = other.csrfFrom("/quotes");
        assertThat(other.get("/quotes/" + id).status()).isEqualTo(404);
        assertThat(other.get("/quotes/" + id + "/edit").status()).isEqualTo(404);
        assertThat(other.get("/quotes/" + id + "/pdf").status()).isEqualTo(404);
        assertThat(other.get("/quotes/" + id + "/history").status()).isEqualTo(404);
        assertThat(other.get("/quotes/panel?opportunityId=" + opportunity.get("id").asString()).status())
                .isEqualTo(404);
        for (String step : List.of("send", "approve", "accept", "revise", "email", "delete")) {
            assertThat(other.post("/quotes/" + id + "/" + step, "_csrf", csrf).status()).as(step).isIn(403, 404);
        }
        assertThat(other.get("/quotes").text()).doesNotContain(draft.get("number").asString());

        // the manager approves the discount from the page
        assertThat(fixture.step("sales1", id, "send", Map.of()).json().get("status").asString())
                .isEqualTo("PENDING_APPROVAL");
        WebSession manager = login("manager");
        Api.Response page = manager.get("/quotes/" + id);
        assertThat(page.text()).contains("quote-approve", "quote-reject-approval");
        String managerCsrf = manager.csrfFrom("/quotes/" + id);
        JsonNode pending = api.get("/api/v1/quotes/" + id).as("manager").send().json();
        assertThat(manager.post("/quotes/" + id + "/approve", "_csrf", managerCsrf, "version",
                pending.get("version").asString()).status()).isEqualTo(302);
        assertThat(api.get("/api/v1/quotes/" + id).as("sales1").send().json().get("status").asString())
                .isEqualTo("SENT");
    }
}
