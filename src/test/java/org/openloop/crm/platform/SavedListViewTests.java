package org.openloop.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Saved list views (B1): personal, replaced by name, holding only query parameters. */
@CrmIntegrationTest
class SavedListViewTests {

    @Autowired
    Api api;

    @Test
    @DisplayName("B1: a saved view comes back with its filters, only for its owner; saving the same name replaces it")
    void savedViewsArePersonal() {
        String name = "重点客户" + TestData.unique();
        Api.Response saved = api.post("/api/v1/saved-views").as("sales1")
                .json(Map.of("list", "customers", "name", name,
                        "filters", Map.of("level", "KEY", "sort", "-createdAt", "cursor", "abc")))
                .send();
        assertThat(saved.status()).as("%s", saved).isEqualTo(201);
        String id = saved.json().get("id").asString();
        // position in the list is not part of a view
        assertThat(saved.json().get("filters").has("cursor")).isFalse();

        JsonNode mine = api.get("/api/v1/saved-views?list=customers").as("sales1").send().json();
        assertThat(mine.findValuesAsString("name")).contains(name);
        assertThat(api.get("/api/v1/saved-views?list=customers").as("sales2").send().json().findValuesAsString("name"))
                .doesNotContain(name);

        Api.Response replaced = api.post("/api/v1/saved-views").as("sales1")
                .json(Map.of("list", "customers", "name", name, "filters", Map.of("level", "NORMAL"))).send();
        assertThat(replaced.json().get("id").asString()).isEqualTo(id);
        assertThat(replaced.json().get("filters").get("level").asString()).isEqualTo("NORMAL");

        // another user's view is not found, on every verb
        assertThat(api.delete("/api/v1/saved-views/" + id).as("sales2").send().status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/saved-views/" + id).as("sales1").send().status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/saved-views/" + id).as("sales1").send().status()).isEqualTo(404);
    }

    @Test
    @DisplayName("B1: a view without a name, for an unknown list or with odd parameter names is refused with a field error")
    void invalidViewsAreRefused() {
        Api.Response noName = api.post("/api/v1/saved-views").as("sales1")
                .json(Map.of("list", "customers", "name", " ", "filters", Map.of())).send();
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(api.post("/api/v1/saved-views").as("sales1")
                .json(Map.of("list", "../admin", "name", "x", "filters", Map.of())).send().status()).isEqualTo(422);
        assertThat(api.post("/api/v1/saved-views").as("sales1")
                .json(Map.of("list", "customers", "name", "x", "filters", Map.of("level' or 1=1 --", "KEY"))).send()
                .status()).isEqualTo(422);
    }

    @Test
    @DisplayName("B1: the list page saves the current filters, shows the view in its menu and goes back only inside the application")
    void savedFromTheListPage() {
        WebSession web = new WebSession(api);
        web.login("sales1", Api.DEMO_PASSWORD);
        String csrf = web.csrfFrom("/customers?level=KEY");
        String name = "页面视图" + TestData.unique();

        Api.Response saved = web.post("/saved-views", "list", "customers", "name", name,
                "query", "level=KEY&sort=-createdAt", "back", "/customers?level=KEY", "_csrf", csrf);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location")).endsWith("/customers?level=KEY");

        String page = web.get("/customers").text();
        assertThat(page).contains(name).contains("/customers?level=KEY&amp;sort=-createdAt");

        Api.Response elsewhere = web.post("/saved-views", "list", "customers", "name", name + "2",
                "query", "", "back", "//evil.example/phish", "_csrf", csrf);
        assertThat(elsewhere.header("Location")).doesNotContain("evil.example");
    }
}
