package org.openloop.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The public web-to-lead form (J2), as an anonymous visitor: capture, protected fields, honeypot, limits. */
@CrmIntegrationTest
class WebToLeadTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("J2 a visitor's submission creates a target customer in the pool with a contact, source web form, the campaign's lead, and notifies the owner")
    void capturesLead() {
        JsonNode campaign = CampaignFixtures.createCampaign(api, "manager", Map.of());
        String id = campaign.get("id").asString();
        String token = CampaignFixtures.openForm(api, "manager", id);
        String company = "访客公司" + TestData.unique();
        String mobile = TestData.uniqueMobile();

        Api.Response posted = CampaignFixtures.submit(api, token, "companyName", company, "contactName", "陈先生",
                "mobile", mobile, "email", "Chen@Example.com", "message", "想了解设备管理系统", "consent", "true");
        assertThat(posted.status()).as("%s", posted).isEqualTo(302);
        assertThat(posted.header("Location")).endsWith("/public/forms/" + token + "/thanks");
        Api.Response thanks = new WebSession(api).get("/public/forms/" + token + "/thanks");
        assertThat(thanks.status()).isEqualTo(200);
        assertThat(thanks.text()).contains(campaign.get("name").asString());

        Map<String, Object> customer = jdbc.sql("select id, owner_id, department_id, type, level, source, pain_points, "
                + "pooled_at from customer where name = ?").param(company).query().singleRow();
        assertThat(customer.get("owner_id")).isNull();
        assertThat(customer.get("department_id")).isNull();
        assertThat(customer.get("type")).isEqualTo("TARGET");
        assertThat(customer.get("level")).isEqualTo("NORMAL");
        assertThat(customer.get("source")).isEqualTo("WEB_FORM");
        assertThat(customer.get("pain_points")).isEqualTo("想了解设备管理系统");
        assertThat(customer.get("pooled_at")).isNotNull();
        UUID customerId = (UUID) customer.get("id");
        Map<String, Object> contact = jdbc.sql("select name, mobile, email, primary_contact, owner_id from contact "
                + "where customer_id = ?").param(customerId).query().singleRow();
        assertThat(contact.get("name")).isEqualTo("陈先生");
        assertThat(contact.get("mobile")).isEqualTo(mobile);
        assertThat(contact.get("email")).isEqualTo("chen@example.com");
        assertThat(contact.get("owner_id")).isNull();

        JsonNode leads = api.get("/api/v1/campaigns/" + id + "/leads").as("manager").send().json().get("items");
        assertThat(leads.size()).isEqualTo(1);
        assertThat(leads.get(0).get("customerId").asString()).isEqualTo(customerId.toString());
        assertThat(leads.get(0).get("via").asString()).isEqualTo("FORM");
        assertThat(leads.get(0).get("consent").asBoolean()).isTrue();
        assertThat(leads.get(0).get("duplicate").asBoolean()).isFalse();

        Api.Response pool = api.get("/api/v1/customer-pool?q=" + company).as("sales1").send();
        assertThat(pool.json().get("items").size()).isEqualTo(1);
        JsonNode notifications = api.get("/api/v1/notifications?size=50").as("manager").send().json().get("items");
        assertThat(notifications.toString()).contains(company).contains("/campaigns/" + id);
    }

    @Test
    @DisplayName("J2 owner, department, type, level, source and other parameters posted to the form are ignored")
    void protectedFieldsAreNotBound() {
        String id = CampaignFixtures.createCampaign(api, "manager", Map.of()).get("id").asString();
        String token = CampaignFixtures.openForm(api, "manager", id);
        String company = "越权公司" + TestData.unique();
        String sales1 = api.get("/api/v1/users?q=sales1").as("admin").send().json().get("items").get(0).get("id")
                .asString();
        Api.Response posted = CampaignFixtures.submit(api, token, "companyName", company, "contactName", "王",
                "mobile", TestData.uniqueMobile(), "ownerId", sales1, "departmentId", UUID.randomUUID().toString(),
                "type", "WON", "level", "VIP", "source", "REFERRAL", "archived", "true", "number", "X1",
                "owner_id", sales1);
        assertThat(posted.status()).as("%s", posted).isEqualTo(302);
        Map<String, Object> customer = jdbc.sql("select owner_id, department_id, type, level, source, archived, number "
                + "from customer where name = ?").param(company).query().singleRow();
        assertThat(customer.get("owner_id")).isNull();
        assertThat(customer.get("department_id")).isNull();
        assertThat(customer.get("type")).isEqualTo("TARGET");
        assertThat(customer.get("level")).isEqualTo("NORMAL");
        assertThat(customer.get("source")).isEqualTo("WEB_FORM");
        assertThat(customer.get("archived")).isEqualTo(false);
        assertThat(customer.get("number")).isNotEqualTo("X1");
    }

    @Test
    @DisplayName("J2 a filled honeypot looks like success but stores nothing")
    void honeypot() {
        String id = CampaignFixtures.createCampaign(api, "manager", Map.of()).get("id").asString();
        String token = CampaignFixtures.openForm(api, "manager", id);
        String company = "机器人公司" + TestData.unique();
        Api.Response posted = CampaignFixtures.submit(api, token, "companyName", company, "contactName", "Bot",
                "email", "bot@example.com", "website", "http://spam.example");
        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.header("Location")).endsWith("/thanks");
        assertThat(jdbc.sql("select count(*) from customer where name = ?").param(company).query(Long.class).single())
                .isZero();
        assertThat(api.get("/api/v1/campaigns/" + id + "/leads").as("manager").send().json().get("items").size())
                .isZero();
    }

    @Test
    @DisplayName("J2 invalid input is refused with the fields named (400) and stores nothing")
    void invalidInput() {
        String id = CampaignFixtures.createCampaign(api, "manager", Map.of()).get("id").asString();
        String token = CampaignFixtures.openForm(api, "manager", id);
        String company = "无效" + TestData.unique();
        Api.Response posted = CampaignFixtures.submit(api, token, "companyName", company, "contactName", "",
                "mobile", "123", "email", "not-an-address");
        assertThat(posted.status()).isEqualTo(400);
        assertThat(posted.text()).contains("data-testid=\"error-contactName\"", "data-testid=\"error-mobile\"",
                "data-testid=\"error-email\"");
        assertThat(posted.text()).contains(company);
        Api.Response unreachable = CampaignFixtures.submit(api, token, "companyName", company, "contactName", "李");
        assertThat(unreachable.status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from customer where name = ?").param(company).query(Long.class).single())
                .isZero();
    }

    @Test
    @DisplayName("J2 a company that already exists gets the contact and the lead, not a second customer")
    void duplicateCompany() {
        String company = "已有公司" + TestData.unique();
        String existing = TestData.createCustomer(api, "sales1", Map.of("name", company)).get("id").asString();
        String id = CampaignFixtures.createCampaign(api, "manager", Map.of()).get("id").asString();
        String token = CampaignFixtures.openForm(api, "manager", id);
        String mobile = TestData.uniqueMobile();
        assertThat(CampaignFixtures.submit(api, token, "companyName", " " + company + " ", "contactName", "赵女士",
                "mobile", mobile).status()).isEqualTo(302);
        assertThat(CampaignFixtures.submit(api, token, "companyName", company, "contactName", "赵女士",
                "mobile", mobile).status()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from customer where name = ?").param(company).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from contact where customer_id = ? and mobile = ?")
                .params(UUID.fromString(existing), mobile).query(Long.class).single()).isEqualTo(1);
        JsonNode leads = api.get("/api/v1/campaigns/" + id + "/leads").as("manager").send().json().get("items");
        assertThat(leads.size()).isEqualTo(1);
        assertThat(leads.get(0).get("customerId").asString()).isEqualTo(existing);
        assertThat(leads.get(0).get("duplicate").asBoolean()).isTrue();
        Map<String, Object> owner = jdbc.sql("select owner_id from customer where id = ?")
                .param(UUID.fromString(existing)).query().singleRow();
        assertThat(owner.get("owner_id")).isNotNull();
    }

    @Test
    @DisplayName("J2 more than 5 posts from one address to one form within the window answer 429 with a friendly page")
    void rateLimited() {
        String id = CampaignFixtures.createCampaign(api, "manager", Map.of()).get("id").asString();
        String token = CampaignFixtures.openForm(api, "manager", id);
        for (int i = 0; i < 5; i++) {
            Api.Response posted = CampaignFixtures.submit(api, token, "companyName", "限流" + TestData.unique(),
                    "contactName", "访客", "mobile", TestData.uniqueMobile());
            assertThat(posted.status()).as("post %d: %s", i, posted).isEqualTo(302);
        }
        String blocked = "限流" + TestData.unique();
        Api.Response limited = CampaignFixtures.submit(api, token, "companyName", blocked, "contactName", "访客",
                "mobile", TestData.uniqueMobile());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(limited.text()).contains("data-testid=\"public-limited\"").contains("Please wait");
        assertThat(jdbc.sql("select count(*) from customer where name = ?").param(blocked).query(Long.class).single())
                .isZero();
    }

    @Test
    @DisplayName("J2 an unknown token, a switched-off form and a replaced token answer 404; the form never shows the campaign id")
    void closedForms() {
        assertThat(new WebSession(api).get("/public/forms/" + "x".repeat(24)).status()).isEqualTo(404);
        assertThat(new WebSession(api).get("/public/forms/abc").status()).isEqualTo(404);
        JsonNode campaign = CampaignFixtures.createCampaign(api, "manager", Map.of());
        String id = campaign.get("id").asString();
        String closedToken = campaign.get("formToken").asString();
        assertThat(new WebSession(api).get("/public/forms/" + closedToken).status()).isEqualTo(404);
        assertThat(new WebSession(api).get("/public/forms/" + id).status()).isEqualTo(404);

        String token = CampaignFixtures.openForm(api, "manager", id);
        Api.Response open = new WebSession(api).get("/public/forms/" + token);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.text()).doesNotContain(id).doesNotContain("data-testid=\"navbar\"");

        String renewed = api.post("/api/v1/campaigns/" + id + "/form/token").as("manager").send().json()
                .get("formToken").asString();
        assertThat(renewed).isNotEqualTo(token);
        assertThat(new WebSession(api).get("/public/forms/" + token).status()).isEqualTo(404);
        assertThat(new WebSession(api).get("/public/forms/" + renewed).status()).isEqualTo(200);

        api.post("/api/v1/campaigns/" + id + "/form").as("manager").json(Map.of("enabled", false)).send();
        assertThat(new WebSession(api).get("/public/forms/" + renewed).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("J2 the form keeps CSRF protection: a post without the token is refused and stores nothing")
    void csrf() {
        String id = CampaignFixtures.createCampaign(api, "manager", Map.of()).get("id").asString();
        String token = CampaignFixtures.openForm(api, "manager", id);
        String company = "跨站" + TestData.unique();
        WebSession visitor = new WebSession(api);
        visitor.get("/public/forms/" + token);
        Api.Response posted = visitor.post("/public/forms/" + token, "companyName", company, "contactName", "x",
                "mobile", TestData.uniqueMobile());
        assertThat(posted.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from customer where name = ?").param(company).query(Long.class).single())
                .isZero();
    }

    @Test
    @DisplayName("J2/K4 the public form speaks English and Chinese (?lang=) without the application's navigation")
    void languages() {
        String id = CampaignFixtures.createCampaign(api, "manager", Map.of()).get("id").asString();
        String token = CampaignFixtures.openForm(api, "manager", id);
        Api.Response english = new WebSession(api).get("/public/forms/" + token + "?lang=en");
        assertThat(english.text()).contains("Company name").doesNotContain("data-testid=\"navbar\"");
        Api.Response chinese = new WebSession(api).get("/public/forms/" + token + "?lang=zh-CN");
        assertThat(chinese.text()).contains("公司名称").contains("提交");
    }
}
