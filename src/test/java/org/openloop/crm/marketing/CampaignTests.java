package org.openloop.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.DemoOrganization.DemoUser;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Campaigns over the API (J1): create and change, validation, workflow, members, segment, leads, figures. */
@CrmIntegrationTest
class CampaignTests {

    @Autowired
    Api api;

    @Test
    @DisplayName("J1 a manager creates, reads and changes a campaign; money has scale 2, currency defaults to CNY")
    void createReadUpdate() {
        JsonNode created = CampaignFixtures.createCampaign(api, "manager", Map.of("type", "EXHIBITION",
                "startDate", "2026-03-01", "endDate", "2026-03-03", "budget", 50000, "actualCost", "42000.5",
                "description", "春季展会"));
        String id = created.get("id").asString();
        assertThat(created.get("status").asString()).isEqualTo("PLANNED");
        assertThat(created.get("budget").decimalValue()).isEqualByComparingTo("50000.00");
        assertThat(created.get("currency").asString()).isEqualTo("CNY");
        assertThat(created.get("actualCost").decimalValue()).isEqualByComparingTo("42000.50");
        assertThat(created.get("formEnabled").asBoolean()).isFalse();
        assertThat(created.get("formToken").asString()).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(id);
        assertThat(created.get("ownerName").asString()).isEqualTo("王芳");

        Api.Response read = api.get("/api/v1/campaigns/" + id).as("manager").send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.text()).contains("\"budget\":50000.00", "\"actualCost\":42000.50");

        Api.Response updated = api.put("/api/v1/campaigns/" + id).as("manager").json(Map.of("name", "改名" + id,
                "type", "ONLINE", "budget", 1000, "version", 0)).send();
        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        assertThat(updated.json().get("type").asString()).isEqualTo("ONLINE");
        assertThat(updated.json().get("version").asLong()).isEqualTo(1);

        Api.Response stale = api.put("/api/v1/campaigns/" + id).as("manager").json(Map.of("name", "again",
                "type", "ONLINE", "version", 0)).send();
        assertThat(stale.status()).isEqualTo(409);

        Api.Response history = api.get("/api/v1/campaigns/" + id + "/audit").as("manager").send();
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get("items").size()).isGreaterThan(0);
    }

    @Test
    @DisplayName("J1 validation: end before start → 400 on endDate; missing name and type, negative budget → 400")
    void validation() {
        Api.Response endBeforeStart = api.post("/api/v1/campaigns").as("manager").json(Map.of("name", "x",
                "type", "CONFERENCE", "startDate", "2026-05-02", "endDate", "2026-05-01")).send();
        assertThat(endBeforeStart.status()).as("%s", endBeforeStart).isEqualTo(400);
        assertThat(endBeforeStart.contentType()).startsWith("application/problem+json");
        assertThat(fields(endBeforeStart)).containsExactly("endDate");

        Api.Response missing = api.post("/api/v1/campaigns").as("manager").json(Map.of("budget", -1)).send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).contains("name", "type", "budget");

        Api.Response badSegment = api.post("/api/v1/campaigns").as("manager").json(Map.of("name", "x",
                "type", "CONFERENCE", "segment", Map.of("ownerId", "x"))).send();
        assertThat(badSegment.status()).isEqualTo(400);
        assertThat(fields(badSegment)).containsExactly("segment");

        Api.Response badValue = api.post("/api/v1/campaigns").as("manager").json(Map.of("name", "x",
                "type", "CONFERENCE", "segment", Map.of("type", "NOPE"))).send();
        assertThat(badValue.status()).isEqualTo(400);
        assertThat(fields(badValue)).containsExactly("segment");

        Api.Response malformed = api.post("/api/v1/campaigns").as("manager").json("{\"name\":\"x\",\"type\":\"PARTY\"}")
                .send();
        assertThat(malformed.status()).isEqualTo(400);
    }

    @Test
    @DisplayName("J1 reps view campaigns but cannot create or change them (403)")
    void repsCannotCreate() {
        Api.Response created = api.post("/api/v1/campaigns").as("sales1").json(Map.of("name", "x",
                "type", "CONFERENCE")).send();
        assertThat(created.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/campaigns").as("sales1").send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/campaigns").as("service1").send().status()).isEqualTo(403);
    }

    @Test
    @DisplayName("J1 status workflow: start, complete; a wrong step is 409 naming step and status; stale version 409")
    void workflow() {
        String id = CampaignFixtures.createCampaign(api, "manager", Map.of()).get("id").asString();
        Api.Response early = api.post("/api/v1/campaigns/" + id + "/complete").as("manager").send();
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("Complete").contains("Planned");

        Api.Response stale = api.post("/api/v1/campaigns/" + id + "/start").as("manager")
                .json(Map.of("version", 7)).send();
        assertThat(stale.status()).isEqualTo(409);

        Api.Response started = api.post("/api/v1/campaigns/" + id + "/start").as("manager")
                .json(Map.of("version", 0)).send();
        assertThat(started.status()).as("%s", started).isEqualTo(200);
        assertThat(started.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(started.json().get("steps").toString()).contains("complete", "cancel").doesNotContain("start");
        Api.Response done = api.post("/api/v1/campaigns/" + id + "/complete").as("manager").send();
        assertThat(done.json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(api.post("/api/v1/campaigns/" + id + "/cancel").as("manager").send().status()).isEqualTo(409);
        assertThat(api.get("/api/v1/campaigns?status=COMPLETED&q=" + done.json().get("name").asString())
                .as("manager").send().json().get("items").size()).isEqualTo(1);
    }

    @Test
    @DisplayName("J1 members: add, respond, bulk status, remove; figures count members and responses")
    void membersAndResponses() {
        String id = CampaignFixtures.createCampaign(api, "manager", Map.of()).get("id").asString();
        String a = TestData.createCustomer(api, "manager", Map.of("name", "成员甲" + TestData.unique())).get("id").asString();
        String b = TestData.createCustomer(api, "manager", Map.of("name", "成员乙" + TestData.unique())).get("id").asString();
        String c = TestData.createCustomer(api, "manager", Map.of("name", "成员丙" + TestData.unique())).get("id").asString();
        List<String> members = new ArrayList<>();
        for (String customer : List.of(a, b, c)) {
            Api.Response added = api.post("/api/v1/campaigns/" + id + "/members").as("manager")
                    .json(Map.of("customerId", customer)).send();
            assertThat(added.status()).as("%s", added).isEqualTo(201);
            assertThat(added.json().get("status").asString()).isEqualTo("INVITED");
            members.add(added.json().get("id").asString());
        }
        Api.Response twice = api.post("/api/v1/campaigns/" + id + "/members").as("manager")
                .json(Map.of("customerId", a)).send();
        assertThat(twice.status()).isEqualTo(409);
        Api.Response unknown = api.post("/api/v1/campaigns/" + id + "/members").as("manager")
                .json(Map.of("customerId", UUID.randomUUID())).send();
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(fields(unknown)).containsExactly("customerId");

        Api.Response responded = api.put("/api/v1/campaigns/" + id + "/members/" + members.get(0)).as("manager")
                .json(Map.of("status", "ATTENDED", "responseNote", "带了两位工程师")).send();
        assertThat(responded.status()).as("%s", responded).isEqualTo(200);
        assertThat(responded.json().get("respondedAt").isNull()).isFalse();
        assertThat(api.put("/api/v1/campaigns/" + id + "/members/" + members.get(0)).as("manager")
                .json(Map.of("status", "RESPONDED", "version", 0)).send().status()).isEqualTo(409);
        assertThat(api.put("/api/v1/campaigns/" + id + "/members/" + members.get(0)).as("manager")
                .json(Map.of()).send().status()).isEqualTo(422);

        Api.Response bulk = api.post("/api/v1/campaigns/" + id + "/members/status").as("manager")
                .json(Map.of("memberIds", members.subList(1, 3), "status", "RESPONDED")).send();
        assertThat(bulk.json().get("changed").asInt()).isEqualTo(2);
        JsonNode figures = api.get("/api/v1/campaigns/" + id + "/outcome").as("manager").send().json();
        assertThat(figures.get("members").asLong()).isEqualTo(3);
        assertThat(figures.get("responses").asLong()).isEqualTo(3);

        api.post("/api/v1/campaigns/" + id + "/members/status").as("manager")
                .json(Map.of("memberIds", List.of(members.get(2)), "status", "NO_RESPONSE")).send();
        assertThat(api.delete("/api/v1/campaigns/" + id + "/members/" + members.get(1)).as("manager").send().status())
                .isEqualTo(204);
        figures = api.get("/api/v1/campaigns/" + id + "/outcome").as("manager").send().json();
        assertThat(figures.get("members").asLong()).isEqualTo(2);
        assertThat(figures.get("responses").asLong()).isEqualTo(1);
        JsonNode listed = api.get("/api/v1/campaigns/" + id + "/members?status=NO_RESPONSE").as("manager").send().json();
        assertThat(listed.get("items").size()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("customerId").asString()).isEqualTo(c);
    }

    @Test
    @DisplayName("J1 adding the target segment takes only the matching customers in the user's own scope, once")
    void segmentObeysScope() {
        DemoOrganization organization = DemoOrganization.load(api);
        String industry = "行业" + TestData.unique();
        Map<String, String> byOwner = new java.util.HashMap<>();
        for (String owner : List.of("manager", "sales1", "sales2", "admin")) {
            byOwner.put(TestData.createCustomer(api, owner, Map.of("name", "细分" + owner + TestData.unique(),
                    "industry", industry)).get("id").asString(), owner);
        }
        TestData.createCustomer(api, "manager", Map.of("name", "别的行业" + TestData.unique(), "industry", industry + "X"));
        String id = CampaignFixtures.createCampaign(api, "manager", Map.of("segment", Map.of("industry", industry)))
                .get("id").asString();

        Api.Response added = api.post("/api/v1/campaigns/" + id + "/members/segment").as("manager").send();
        assertThat(added.status()).as("%s", added).isEqualTo(200);
        DemoUser manager = organization.user("manager");
        Set<String> expected = new HashSet<>();
        byOwner.forEach((customer, owner) -> {
            DemoUser user = organization.user(owner);
            if (organization.sees(manager, user.id(), user.departmentId())) {
                expected.add(customer);
            }
        });
        // the manager sees their own team's customers, not the administrator's: the segment must leave some out
        assertThat(expected).contains(key(byOwner, "manager")).hasSizeLessThan(byOwner.size());
        assertThat(added.json().get("added").asInt()).isEqualTo(expected.size());
        Set<String> members = new HashSet<>();
        api.get("/api/v1/campaigns/" + id + "/members?size=100").as("manager").send().json().get("items")
                .forEach(m -> members.add(m.get("customerId").asString()));
        assertThat(members).isEqualTo(expected);

        Api.Response again = api.post("/api/v1/campaigns/" + id + "/members/segment").as("manager").send();
        assertThat(again.json().get("added").asInt()).isZero();
        assertThat(again.json().get("alreadyMembers").asInt()).isEqualTo(expected.size());

        String empty = CampaignFixtures.createCampaign(api, "manager", Map.of()).get("id").asString();
        assertThat(api.post("/api/v1/campaigns/" + empty + "/members/segment").as("manager").send().status())
                .isEqualTo(422);
    }

    @Test
    @DisplayName("J1 leads linked by hand count in the figures; a customer is a lead of a campaign once; zero cost → ROI null")
    void leadsAndFigures() {
        String id = CampaignFixtures.createCampaign(api, "manager", Map.of()).get("id").asString();
        String customer = TestData.createCustomer(api, "manager", Map.of("name", "线索" + TestData.unique()))
                .get("id").asString();
        Api.Response linked = api.post("/api/v1/campaigns/" + id + "/leads").as("manager")
                .json(Map.of("customerId", customer)).send();
        assertThat(linked.status()).as("%s", linked).isEqualTo(201);
        assertThat(linked.json().get("via").asString()).isEqualTo("MANUAL");
        assertThat(api.post("/api/v1/campaigns/" + id + "/leads").as("manager").json(Map.of("customerId", customer))
                .send().status()).isEqualTo(409);
        JsonNode figures = api.get("/api/v1/campaigns/" + id + "/outcome").as("manager").send().json();
        assertThat(figures.get("leads").asLong()).isEqualTo(1);
        assertThat(figures.get("cost").decimalValue()).isEqualByComparingTo("0");
        assertThat(figures.get("roi").isNull()).isTrue();
        assertThat(api.get("/api/v1/campaigns/" + id + "/leads").as("manager").send().json().get("items").size())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("J1 export lists the campaigns in scope as CSV")
    void export() {
        String name = "导出活动" + TestData.unique();
        CampaignFixtures.createCampaign(api, "manager", Map.of("name", name));
        Api.Response csv = api.get("/api/v1/campaigns/export?format=csv&q=" + name).as("manager").send();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains(name);
        assertThat(api.get("/api/v1/campaigns/export?format=csv").as("sales1").send().status()).isEqualTo(403);
    }

    private static String key(Map<String, String> byOwner, String owner) {
        return byOwner.entrySet().stream().filter(e -> e.getValue().equals(owner)).findFirst().orElseThrow().getKey();
    }

    static List<String> fields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = response.json().get("errors");
        if (errors != null) {
            errors.forEach(e -> fields.add(e.get("field").asString()));
        }
        return fields;
    }
}
