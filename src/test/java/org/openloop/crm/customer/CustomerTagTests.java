package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

/** Tags on customers (B3) through the API and the list page. */
@CrmIntegrationTest
class CustomerTagTests {

    @Autowired
    Api api;

    private String managedTag(String colour) {
        Api.Response created = api.post("/api/v1/customer-tags").as("manager")
                .json(Map.of("name", "标签" + TestData.unique(), "colour", colour)).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String customer(String owner) {
        return TestData.createCustomer(api, owner, Map.of("name", "标签客户" + TestData.unique())).get("id").asString();
    }

    private List<String> listed(String username, String query) {
        Api.Response response = api.get("/api/v1/customers?size=100&" + query).as(username).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    @Test
    @DisplayName("B3: filter by any or all of several tags")
    void filterAnyAndAll() {
        String red = managedTag("RED");
        String blue = managedTag("BLUE");
        String both = customer("sales1");
        String onlyRed = customer("sales1");
        String none = customer("sales1");
        api.put("/api/v1/customers/" + both + "/tags").as("sales1").json(Map.of("tagIds", List.of(red, blue))).send();
        api.put("/api/v1/customers/" + onlyRed + "/tags").as("sales1").json(Map.of("tagIds", List.of(red))).send();

        assertThat(listed("sales1", "tags=" + red + "," + blue)).contains(both, onlyRed).doesNotContain(none);
        assertThat(listed("sales1", "tags=" + red + "," + blue + "&tagMatch=all")).contains(both)
                .doesNotContain(onlyRed, none);
        assertThat(api.get("/api/v1/customers?tags=not-a-uuid").as("sales1").send().status()).isEqualTo(400);
        assertThat(api.get("/api/v1/customers?tags=" + red + "&tagMatch=some").as("sales1").send().status())
                .isEqualTo(400);
    }

    @Test
    @DisplayName("B3: free tags are created on the fly, reused by name regardless of width and case, and audited")
    void freeTags() {
        String id = customer("sales1");
        String name = "ｖｉｐ线索" + TestData.unique();
        Api.Response tagged = api.put("/api/v1/customers/" + id + "/tags").as("sales1")
                .json(Map.of("newTags", List.of(name, name.replace("ｖｉｐ", "VIP")))).send();
        assertThat(tagged.status()).as("%s", tagged).isEqualTo(200);
        assertThat(tagged.json().get("tags")).hasSize(1);
        JsonNode tag = tagged.json().get("tags").get(0);
        assertThat(tag.get("colour").asString()).isEqualTo("GREY");
        String history = api.get("/api/v1/customers/" + id + "/audit").as("sales1").send().text();
        assertThat(history).contains("\"field\":\"tags\"").contains(tag.get("name").asString());
    }

    @Test
    @DisplayName("B3/A3: bulk tagging changes all customers or none; another rep's customer answers 404")
    void bulkIsAllOrNothing() {
        String tag = managedTag("GREEN");
        String mine = customer("sales1");
        String theirs = customer("sales2");
        Api.Response refused = api.post("/api/v1/customers/bulk-tags").as("sales1")
                .json(Map.of("customerIds", List.of(mine, theirs), "add", List.of(tag))).send();
        assertThat(refused.status()).isEqualTo(404);
        assertThat(listed("sales1", "tags=" + tag)).doesNotContain(mine);

        Api.Response done = api.post("/api/v1/customers/bulk-tags").as("manager")
                .json(Map.of("customerIds", List.of(mine, theirs), "add", List.of(tag))).send();
        assertThat(done.status()).as("%s", done).isEqualTo(200);
        assertThat(done.json().get("changed").asInt()).isEqualTo(2);
        assertThat(listed("manager", "tags=" + tag)).contains(mine, theirs);
    }

    @Test
    @DisplayName("B3: only managers define, rename and delete tags; names are unique; deleting untags customers")
    void managedTags() {
        assertThat(api.post("/api/v1/customer-tags").as("sales1").json(Map.of("name", "x", "colour", "RED")).send()
                .status()).isEqualTo(403);
        String name = "唯一" + TestData.unique();
        Api.Response first = api.post("/api/v1/customer-tags").as("manager")
                .json(Map.of("name", name, "colour", "RED")).send();
        assertThat(first.status()).isEqualTo(201);
        Api.Response duplicate = api.post("/api/v1/customer-tags").as("manager")
                .json(Map.of("name", " " + name.toUpperCase() + " ", "colour", "BLUE")).send();
        assertThat(duplicate.status()).isEqualTo(409);
        Api.Response badColour = api.post("/api/v1/customer-tags").as("manager")
                .json(Map.of("name", "c" + TestData.unique(), "colour", "#ff0000; background:url(x)")).send();
        assertThat(badColour.status()).isEqualTo(400);

        String id = first.json().get("id").asString();
        String customer = customer("sales1");
        api.put("/api/v1/customers/" + customer + "/tags").as("sales1").json(Map.of("tagIds", List.of(id))).send();
        assertThat(api.delete("/api/v1/customer-tags/" + id).as("manager").send().status()).isEqualTo(204);
        assertThat(api.get("/api/v1/customers/" + customer).as("sales1").send().json().get("tags")).isEmpty();
    }

    @Test
    @DisplayName("B3: the list page shows tag chips escaped and bulk-tags the selected customers")
    void listPage() {
        Api.Response created = api.post("/api/v1/customer-tags").as("manager")
                .json(Map.of("name", "<b>粗</b>" + TestData.unique(), "colour", "PURPLE")).send();
        String tag = created.json().get("id").asString();
        String customer = customer("sales1");
        WebSession browser = new WebSession(api);
        browser.login("sales1", "demo123");
        String csrf = browser.csrfFrom("/customers");
        Api.Response posted = browser.post("/customers/bulk-tags", "_csrf", csrf, "customerIds", customer, "add", tag,
                "back", "/customers?tags=" + tag);
        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.header("Location")).endsWith("/customers?tags=" + tag);
        String page = browser.get("/customers?tags=" + tag).text();
        assertThat(page).contains("&lt;b&gt;粗&lt;/b&gt;").doesNotContain("<b>粗</b>").contains(customer);

        Api.Response offsite = browser.post("/customers/bulk-tags", "_csrf", csrf, "customerIds", customer, "add", tag,
                "back", "//evil.example.com/customers");
        assertThat(offsite.header("Location")).doesNotContain("evil");
    }
}
