package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** The assignment check (A5) on customer transfer: refused with a localised 422 naming the reason, nothing changes. */
@CrmIntegrationTest
class AssignmentTests {

    @Autowired
    Api api;

    @Test
    @DisplayName("A5 transfer to a user without customer edit (service1, tech1) is refused with a localised 422")
    void transferToUserWithoutEditRefused() {
        DemoOrganization org = DemoOrganization.load(api);
        String id = customerOfManager();
        for (String target : List.of("service1", "tech1")) {
            Api.Response en = transfer(id, org.user(target).id(), "en");
            assertThat(en.status()).as("%s", en).isEqualTo(422);
            assertThat(en.contentType()).startsWith("application/problem+json");
            assertThat(en.json().get("title").asString()).isEqualTo("Cannot be done");
            assertThat(en.json().get("detail").asString()).contains("has no permission to view and edit");
            assertThat(en.json().get("errors").get(0).get("field").asString()).isEqualTo("assigneeId");

            Api.Response zh = transfer(id, org.user(target).id(), "zh-CN");
            assertThat(zh.status()).isEqualTo(422);
            assertThat(zh.json().get("detail").asString()).contains("没有查看和编辑此类记录的权限");
        }
        assertThat(owner(id)).isEqualTo(org.user("manager").id().toString());
    }

    @Test
    @DisplayName("A5 transfer to a deactivated or unknown user is refused with 422; to a sales rep it succeeds")
    void transferChecksTarget() {
        DemoOrganization org = DemoOrganization.load(api);
        String id = customerOfManager();
        var leaver = TestData.createUser(api, org.user("sales1").departmentId(),
                List.of(TestData.roleId(api, "SALES_REP")));
        assertThat(api.post("/api/v1/users/" + leaver.id() + "/deactivate").as("admin").send().status())
                .isEqualTo(200);
        Api.Response inactive = transfer(id, leaver.id(), "en");
        assertThat(inactive.status()).isEqualTo(422);
        assertThat(inactive.json().get("detail").asString()).contains("deactivated");
        Api.Response unknown = transfer(id, UUID.randomUUID(), "en");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("The chosen user does not exist.");
        assertThat(owner(id)).isEqualTo(org.user("manager").id().toString());

        Api.Response ok = transfer(id, org.user("sales1").id(), "en");
        assertThat(ok.status()).as("%s", ok).isEqualTo(200);
        assertThat(ok.json().get("ownerId").asString()).isEqualTo(org.user("sales1").id().toString());
        assertThat(ok.json().get("departmentId").asString()).isEqualTo(org.user("sales1").departmentId().toString());
        assertThat(api.get("/api/v1/customers/" + id).as("sales1").send().status()).isEqualTo(200);
    }

    @Test
    @DisplayName("A2 a sales rep may not transfer at all (no customer:assign): 403")
    void salesRepCannotTransfer() {
        DemoOrganization org = DemoOrganization.load(api);
        String id = TestData.createCustomer(api, "sales1", Map.of("name", "A5自有" + TestData.unique()))
                .get("id").asString();
        Api.Response response = api.post("/api/v1/customers/" + id + "/transfer").as("sales1")
                .json(Map.of("assigneeId", org.user("sales2").id().toString())).send();
        assertThat(response.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/customers/" + id).as("sales1").send().json().get("ownerId").asString())
                .isEqualTo(org.user("sales1").id().toString());
    }

    private String customerOfManager() {
        return TestData.createCustomer(api, "manager", Map.of("name", "A5客户" + TestData.unique()))
                .get("id").asString();
    }

    private Api.Response transfer(String id, UUID target, String language) {
        return api.post("/api/v1/customers/" + id + "/transfer").as("manager").language(language)
                .json(Map.of("assigneeId", target.toString())).send();
    }

    private String owner(String id) {
        JsonNode customer = api.get("/api/v1/customers/" + id).as("admin").send().json();
        return customer.get("ownerId").asString();
    }
}
