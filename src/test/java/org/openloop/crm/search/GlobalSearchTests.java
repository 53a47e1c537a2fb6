package org.openloop.crm.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.openloop.crm.testkit.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Global search (K2) through the API on the configured database: Chinese substrings of one and two characters,
 * full-width input, phone digits, data scope (A3) and sensitive fields (A4).
 */
@CrmIntegrationTest
class GlobalSearchTests {

    @Autowired
    Api api;

    /** A name no other test uses: rare characters plus a random ASCII marker. */
    private static String rareName() {
        String[] rare = { "鑫", "淼", "犇", "焱", "垚", "骉", "毳", "麤" };
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return rare[random.nextInt(rare.length)] + rare[random.nextInt(rare.length)] + "科技" + TestData.unique()
                + "有限公司";
    }

    private static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private List<String> titles(String username, String query) {
        Api.Response response = api.get("/api/v1/search?limit=50&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .as(username).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        for (JsonNode hit : response.json().get("items")) {
            titles.add(hit.get("title").asString());
        }
        return titles;
    }

    @Test
    @DisplayName("K2: two Chinese characters, one character and full-width input find a customer")
    void chineseSubstringsOfAnyLength() {
        String name = rareName();
        TestData.createCustomer(api, "sales1", Map.of("name", name));
        assertThat(titles("sales1", name.substring(0, 2))).contains(name);
        assertThat(titles("sales1", name.substring(0, 1))).contains(name);
        assertThat(titles("sales1", name.substring(2, 4))).contains(name);
        String fullWidthMarker = name.substring(4, 8).toUpperCase().chars()
                .mapToObj(c -> Character.isLetterOrDigit(c) && c < 128 ? String.valueOf((char) (c + 0xFEE0))
                        : String.valueOf((char) c))
                .reduce("", String::concat);
        assertThat(titles("sales1", fullWidthMarker)).as("full-width %s", fullWidthMarker).contains(name);
    }

    @Test
    @DisplayName("K2: characters that are all present but not next to each other do not match")
    void substringNotScatteredCharacters() {
        String name = rareName();
        TestData.createCustomer(api, "sales1", Map.of("name", name));
        String scattered = name.substring(0, 1) + name.substring(2, 3);
        assertThat(titles("sales1", scattered + TestData.unique())).doesNotContain(name);
        assertThat(titles("sales1", "%")).as("LIKE wildcard is literal").doesNotContain(name);
    }

    @Test
    @DisplayName("K2/A3: search obeys data scope — another rep does not find it, the department manager does")
    void obeysDataScope() {
        String name = rareName();
        TestData.createCustomer(api, "sales1", Map.of("name", name));
        assertThat(titles("sales2", name)).isEmpty();
        assertThat(titles("manager", name)).contains(name);
        assertThat(titles("admin", name)).contains(name);
    }

    @Test
    @DisplayName("K2/A4: phones are searchable by digits only for users who may see them")
    void sensitiveFieldsOnlyWithTheRight() {
        String name = rareName();
        String phone = mobile();
        TestData.createCustomer(api, "sales1", Map.of("name", name, "phone", phone));
        assertThat(titles("sales1", phone.substring(3, 11))).contains(name);
        assertThat(titles("admin", phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7)))
                .contains(name);
        // technical support sees its department only and has no sensitive right; service sees the company without it
        assertThat(titles("service1", name)).contains(name);
        assertThat(titles("service1", phone)).doesNotContain(name);
    }

    @Test
    @DisplayName("K2: contacts are found by name and lead to their customer; a renamed customer is found by its new name")
    void contactsAndRenames() {
        String name = rareName();
        JsonNode customer = TestData.createCustomer(api, "sales1", Map.of("name", name));
        String id = customer.get("id").asString();
        String contact = "联系人" + TestData.unique();
        Api.Response created = api.post("/api/v1/contacts").as("sales1")
                .json(Map.of("customerId", id, "name", contact)).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        Api.Response hits = api.get("/api/v1/search?type=contact&q=" + URLEncoder.encode(contact, StandardCharsets.UTF_8))
                .as("sales1").send();
        assertThat(hits.json().get("items")).hasSize(1);
        assertThat(hits.json().get("items").get(0).get("path").asString()).isEqualTo("/customers/" + id);
        assertThat(hits.json().get("items").get(0).get("subtitle").asString()).contains(name);

        String renamed = rareName();
        Api.Response updated = api.put("/api/v1/customers/" + id).as("sales1")
                .json(Map.of("name", renamed, "version", customer.get("version").asLong())).send();
        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        assertThat(titles("sales1", renamed)).contains(renamed);
        assertThat(titles("sales1", name)).doesNotContain(name);
    }

    @Test
    @DisplayName("K2: the search page shows hits in the user's language with the name escaped (stored XSS)")
    void searchPage() {
        String name = rareName() + "<script>alert(1)</script>";
        TestData.createCustomer(api, "sales1", Map.of("name", name));
        WebSession browser = new WebSession(api);
        browser.login("sales1", "demo123");
        Api.Response page = browser.get("/search?lang=zh-CN&q=" + URLEncoder.encode(name.substring(0, 6),
                StandardCharsets.UTF_8));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("搜索结果").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>");
    }
}
