package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Relations between customers (B4): group trees, one parent, no cycles, scope of related customers. */
@CrmIntegrationTest
class CustomerRelationTests {

    static final String PARENT_SUBSIDIARY = "00000000-0000-0000-0000-00000000b401";

    @Autowired
    Api api;

    private String customer(String owner, String name) {
        return TestData.createCustomer(api, owner, Map.of("name", name + TestData.unique())).get("id").asString();
    }

    private Api.Response relate(String username, String id, String otherId, boolean otherIsParent) {
        return api.post("/api/v1/customers/" + id + "/relations").as(username)
                .json(Map.of("typeId", PARENT_SUBSIDIARY, "otherId", otherId, "otherIsParent", otherIsParent)).send();
    }

    @Test
    @DisplayName("B4: the whole group tree is visible from any member, rooted at the top parent")
    void groupTreeFromAnyMember() {
        String group = customer("sales1", "集团总部");
        String branch = customer("sales1", "华东分公司");
        String shop = customer("sales1", "上海门店");
        assertThat(relate("sales1", branch, group, true).status()).isEqualTo(201);
        assertThat(relate("sales1", branch, shop, false).status()).isEqualTo(201);

        JsonNode fromShop = api.get("/api/v1/customers/" + shop + "/relations").as("sales1").send().json();
        JsonNode root = fromShop.get("groups").get(0).get("root");
        assertThat(root.get("id").asString()).isEqualTo(group);
        assertThat(root.get("children").get(0).get("id").asString()).isEqualTo(branch);
        assertThat(root.get("children").get(0).get("children").get(0).get("id").asString()).isEqualTo(shop);
        assertThat(root.get("children").get(0).get("children").get(0).get("current").asBoolean()).isTrue();
        assertThat(fromShop.get("relations").get(0).get("otherIsParent").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("B4: a customer has one parent per kind, cycles and self-relations are refused with 422")
    void rules() {
        String a = customer("sales1", "甲");
        String b = customer("sales1", "乙");
        String c = customer("sales1", "丙");
        relate("sales1", b, a, true);
        relate("sales1", c, b, true);
        String d = customer("sales1", "丁");
        Api.Response secondParent = relate("sales1", b, d, true);
        assertThat(secondParent.status()).isEqualTo(422);
        Api.Response cycle = relate("sales1", a, c, true);
        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.json().get("detail").asString()).contains("loop");
        assertThat(relate("sales1", a, a, false).status()).isEqualTo(422);
        assertThat(relate("sales1", a, b, false).status()).as("already related").isEqualTo(409);
    }

    @Test
    @DisplayName("B4/A3: a customer outside the caller's scope cannot be related and shows without name in the tree")
    void scope() {
        String mine = customer("sales1", "我的");
        String theirs = customer("sales2", "他的");
        Api.Response refused = relate("sales1", mine, theirs, true);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(relate("manager", mine, theirs, true).status()).isEqualTo(201);

        JsonNode seen = api.get("/api/v1/customers/" + mine + "/relations").as("sales1").send().json();
        JsonNode other = seen.get("relations").get(0);
        assertThat(other.get("otherVisible").asBoolean()).isFalse();
        assertThat(other.get("otherName").isNull()).isTrue();
        assertThat(seen.toString()).doesNotContain(theirs).doesNotContain("他的");
        assertThat(api.get("/api/v1/customers/" + theirs + "/relations").as("sales1").send().status()).isEqualTo(404);
    }

    @Test
    @DisplayName("B4/B6: a merge moves relations to the surviving customer; removing a relation is audited")
    void mergeAndRemove() {
        String parent = customer("sales1", "母");
        String child = customer("sales1", "子");
        String duplicate = customer("sales1", "子重复");
        relate("sales1", duplicate, parent, true);
        api.post("/api/v1/customers/" + child + "/merge").as("manager").json(Map.of("mergedId", duplicate)).send();
        JsonNode relations = api.get("/api/v1/customers/" + child + "/relations").as("sales1").send().json()
                .get("relations");
        assertThat(relations).hasSize(1);
        assertThat(relations.get(0).get("otherId").asString()).isEqualTo(parent);

        String relationId = relations.get(0).get("id").asString();
        assertThat(api.delete("/api/v1/customer-relations/" + relationId).as("sales2").send().status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/customer-relations/" + relationId).as("sales1").send().status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/customers/" + parent + "/audit").as("sales1").send().text())
                .contains("\"field\":\"relation\"");
    }

    @Test
    @DisplayName("B4: managers add kinds of relation; representatives may not")
    void kinds() {
        Map<String, Object> kind = Map.of("code", "ALLIANCE_" + TestData.unique().toUpperCase(), "nameZh", "战略联盟",
                "nameEn", "Alliance", "fromRoleZh", "主导方", "fromRoleEn", "Lead", "toRoleZh", "成员",
                "toRoleEn", "Member", "hierarchical", false);
        assertThat(api.post("/api/v1/customer-relation-types").as("sales1").json(kind).send().status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/customer-relation-types").as("manager").json(kind).send().status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/customer-relation-types").as("manager").json(kind).send().status())
                .isEqualTo(409);
    }
}
